package io.loyalty.reward;

import io.loyalty.common.BatchWriter;
import io.loyalty.common.BusinessMetrics;
import io.loyalty.common.Idempotency;
import io.loyalty.common.LoyaltyConfig;
import io.loyalty.security.Caller;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Writes the redemptions asked for at the same time in one transaction ({@link BatchWriter}), as {@code OrderWriter}
 * does for orders: {@link RedemptionBatch} redeems them in turn with the same code a single redemption uses and
 * commits once. One bad redemption (not enough points, out of stock, not eligible) is redeemed again on its own by
 * its request thread, exactly as without batching (and so answers with the same problem). Also redeemed on their own:
 * a missing or malformed Idempotency-Key, a customer unknown or erased, a key used before or repeated within the
 * batch (answered after the batch has committed, as a replay or a conflict), and every redemption of a batch that
 * failed otherwise (a lock not granted within {@link RedemptionBatch#LOCK_TIMEOUT}, a deadlock).
 */
@ApplicationScoped
class RedemptionWriter {
    private final RedemptionIssuer issuer;
    private final BusinessMetrics metrics;
    private final BatchWriter<RedemptionBatch.Request, Idempotency.Outcome<RedemptionResponse>> batches;

    RedemptionWriter(RedemptionBatch redemptions, RedemptionIssuer issuer, BusinessMetrics metrics, LoyaltyConfig config) {
        this.issuer = issuer;
        this.metrics = metrics;
        this.batches = new BatchWriter<>("redemption", config.redemptions().writers(), config.redemptions().batchSize(),
                r -> r.caller().apiKeyId() + " " + r.key(), new BatchWriter.Batch<>() {
            @Override
            public List<Idempotency.Outcome<RedemptionResponse>> writeAll(List<RedemptionBatch.Request> requests) {
                return redemptions.redeemAll(requests);
            }

            @Override
            public void committed(List<Idempotency.Outcome<RedemptionResponse>> outcomes) {
                metrics.redemptionBatch(outcomes.size());
            }

            @Override
            public void retried() {
                metrics.redemptionBatchRetried();
            }
        });
    }

    void start(@Observes StartupEvent event) {
        batches.start();
    }

    /** Shutdown waits for the batches being written, before the database pool closes. */
    void stop(@Observes ShutdownEvent event) {
        batches.stop();
    }

    Idempotency.Outcome<RedemptionResponse> redeem(RedemptionRequest request, String key, Caller caller) {
        // A request the batch would refuse for its key is refused on its own, with its own problem.
        Idempotency.Outcome<RedemptionResponse> outcome = Idempotency.wellFormed(key)
                ? batches.submit(new RedemptionBatch.Request(request, key, caller)) : null;
        return outcome != null ? outcome : alone(request, key, caller);
    }

    /** One redemption in a transaction of its own, as without batching. */
    private Idempotency.Outcome<RedemptionResponse> alone(RedemptionRequest request, String key, Caller caller) {
        Idempotency.Outcome<RedemptionResponse> outcome = issuer.redeem(request, key, caller);
        metrics.redemptionBatch(1);
        return outcome;
    }
}
