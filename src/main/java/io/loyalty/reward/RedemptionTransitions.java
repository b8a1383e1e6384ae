package io.loyalty.reward;

import io.loyalty.common.BusinessMetrics;
import io.loyalty.common.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Records each step of a redemption's life (the audit trail) and counts it in the business metrics. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RedemptionTransitions {
    private final BusinessMetrics metrics;

    RedemptionTransitions(BusinessMetrics metrics) {
        this.metrics = metrics;
    }

    RedemptionTransition record(Redemption x, Reward reward, RedemptionStatus status, long refunded, String detail,
                                UUID apiKeyId, Instant at) {
        RedemptionTransition t = unsaved(x, reward, status, refunded, detail, apiKeyId, at);
        t.persist();
        return t;
    }

    /** As {@link #record}, leaving the row to the caller to persist (a batch persists its rows together). */
    RedemptionTransition unsaved(Redemption x, Reward reward, RedemptionStatus status, long refunded, String detail,
                                 UUID apiKeyId, Instant at) {
        RedemptionTransition t = new RedemptionTransition();
        t.id = Ids.newId();
        t.redemptionId = x.id;
        t.status = status;
        t.pointsRefunded = refunded;
        t.detail = detail;
        t.apiKeyId = apiKeyId;
        t.occurredAt = at;
        metrics.redemption(reward.programmeId, status);
        return t;
    }
}
