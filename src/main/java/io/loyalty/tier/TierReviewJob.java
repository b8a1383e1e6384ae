package io.loyalty.tier;

import io.loyalty.common.Timestamps;
import io.loyalty.programme.Programme;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reviews due tiers of every programme with tiers on a schedule (`loyalty.tiers.every`, default every 10 minutes). */
@ApplicationScoped
public class TierReviewJob {
    private static final Logger LOG = Logger.getLogger(TierReviewJob.class);

    private final TierReviewService service;

    TierReviewJob(TierReviewService service) {
        this.service = service;
    }

    @Scheduled(identity = "tier-review", every = "${loyalty.tiers.every}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reviewDueTiers() {
        Instant now = Timestamps.now();
        List<UUID> programmes = QuarkusTransaction.requiringNew().call(() ->
                Programme.<Programme>list("tiers is not null").stream().map(p -> p.id).toList());
        for (UUID id : programmes) {
            try {
                TierReviewResponse run = service.run(id, now, false);
                if (run.downgraded() + run.graceStarted() + run.pinsEnded() > 0) {
                    LOG.infof("Tier review of programme %s: %d downgraded, %d in grace, %d pins ended", id,
                            run.downgraded(), run.graceStarted(), run.pinsEnded());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Tier review of programme %s failed; it will be retried on the next run", id);
            }
        }
    }
}
