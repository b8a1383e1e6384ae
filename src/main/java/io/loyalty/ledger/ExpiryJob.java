package io.loyalty.ledger;

import io.loyalty.common.Timestamps;
import io.loyalty.programme.Programme;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Expires due points of every programme on a schedule (`loyalty.expiry.every`, default every 10 minutes). */
@ApplicationScoped
public class ExpiryJob {
    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final ExpiryService service;

    ExpiryJob(ExpiryService service) {
        this.service = service;
    }

    @Scheduled(identity = "points-expiry", every = "${loyalty.expiry.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDuePoints() {
        Instant now = Timestamps.now();
        List<UUID> programmes = QuarkusTransaction.requiringNew().call(() ->
                Programme.<Programme>listAll().stream().map(p -> p.id).toList());
        for (UUID id : programmes) {
            try {
                ExpiryRunResponse run = service.run(id, now, null, false);
                if (run.points() > 0) {
                    LOG.infof("Expired %d points in %d lots of programme %s", run.points(), run.lots(), id);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Expiry of programme %s failed; it will be retried on the next run", id);
            }
        }
    }
}
