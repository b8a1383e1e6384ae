package io.loyalty.reward;

import io.loyalty.common.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Expires unused codes on the same schedule as points (`loyalty.expiry.every`). */
@ApplicationScoped
public class RedemptionExpiryJob {
    private static final Logger LOG = Logger.getLogger(RedemptionExpiryJob.class);

    private final RedemptionLifecycle lifecycle;

    RedemptionExpiryJob(RedemptionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(identity = "redemption-expiry", every = "${loyalty.expiry.every}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireUnusedCodes() {
        RedemptionLifecycle.ExpiryRun run = lifecycle.expire(Timestamps.now(), null);
        if (run.expired() > 0) {
            LOG.infof("Expired %d unused redemption codes; %d points refunded, %d forfeited",
                    run.expired(), run.pointsRefunded(), run.pointsForfeited());
        }
    }
}
