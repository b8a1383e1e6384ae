package io.loyalty.order;

import io.loyalty.common.BatchWriter;
import io.loyalty.common.BusinessMetrics;
import io.loyalty.common.LoyaltyConfig;
import io.loyalty.common.error.Problems;
import io.loyalty.order.OrderService.Posted;
import io.loyalty.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Writes the orders posted at the same time in one transaction ({@link BatchWriter}): the orders of a batch are
 * recorded in turn with the same code a single order uses and their rows written together (one multi-row statement
 * per table instead of one per order and table). An order refused halfway is written again on its own by its request
 * thread, exactly as without batching (and so answers with the same problem). Also written on their own: whatever a
 * batch cannot take (an inline or unknown customer, an externalId used before or twice in the batch), and every order
 * of a batch that failed otherwise (an externalId posted at the same moment on another instance, a lock not granted
 * within {@link OrderRecorder#LOCK_TIMEOUT}, a deadlock).
 */
@ApplicationScoped
class OrderWriter {
    private final OrderRecorder recorder;
    private final BusinessMetrics metrics;
    private final BatchWriter<Submitted, Posted> batches;

    /** An order as posted. */
    record Submitted(OrderRequest request, byte[] hash, Caller caller) {
    }

    OrderWriter(OrderRecorder recorder, BusinessMetrics metrics, LoyaltyConfig config) {
        this.recorder = recorder;
        this.metrics = metrics;
        this.batches = new BatchWriter<>("order", config.orders().writers(), config.orders().batchSize(),
                s -> s.caller().apiKeyId() + " " + s.request().externalId(), new BatchWriter.Batch<>() {
            @Override
            public List<Posted> writeAll(List<Submitted> orders) {
                return recorder.recordAll(orders.stream().map(Submitted::request).toList(),
                        orders.stream().map(Submitted::hash).toList(), orders.stream().map(Submitted::caller).toList());
            }

            @Override
            public void committed(List<Posted> posted) {
                metrics.orderBatch(posted.size());
                posted.forEach(OrderWriter.this::accrued);
            }

            @Override
            public void retried() {
                metrics.orderBatchRetried();
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

    Posted post(OrderRequest request, byte[] hash, Caller caller) {
        Posted posted = batches.submit(new Submitted(request, hash, caller));
        return posted != null ? posted : postAlone(request, hash, caller);
    }

    /** One order in a transaction of its own; a lost race for its externalId is answered as a replay. */
    private Posted postAlone(OrderRequest request, byte[] hash, Caller caller) {
        Posted posted;
        try {
            posted = QuarkusTransaction.requiringNew().call(() -> recorder.recordOne(request, hash, caller));
        } catch (RuntimeException e) {
            if (Problems.violatedConstraint(e).filter("orders_external_id_unique"::equals).isEmpty()) {
                throw e;
            }
            return replay(request, hash, caller, e);
        }
        metrics.orderBatch(1);
        accrued(posted);
        return posted;
    }

    /** The answer to an order whose externalId the key has used before: the first answer, or a conflict. */
    private Posted replay(OrderRequest request, byte[] hash, Caller caller, RuntimeException cause) {
        return QuarkusTransaction.requiringNew().call(() -> recorder.replay(request.externalId(), hash, caller)
                .orElseThrow(() -> cause));
    }

    /** Counted once the order is committed. */
    private void accrued(Posted posted) {
        metrics.orderAccrued(posted.order().accrual().stream().map(ProgrammeAccrual::programmeId).toList());
    }
}
