package io.loyalty.referral;

import io.loyalty.common.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Pays due referral bonuses on a schedule (`loyalty.referral.every`, default every 10 minutes). */
@ApplicationScoped
public class ReferralBonusJob {
    private static final Logger LOG = Logger.getLogger(ReferralBonusJob.class);

    private final ReferralBonusService service;

    ReferralBonusJob(ReferralBonusService service) {
        this.service = service;
    }

    @Scheduled(identity = "referral-bonus", every = "${loyalty.referral.every}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void payDueBonuses() {
        try {
            BonusRunResponse run = service.run(Timestamps.now());
            if (run.converted() + run.lost() > 0) {
                LOG.infof("Referrals: %d converted (%d credits), %d lost", run.converted(), run.credits(), run.lost());
            }
        } catch (RuntimeException e) {
            LOG.error("Referral bonus run failed; it will be retried on the next run", e);
        }
    }
}
