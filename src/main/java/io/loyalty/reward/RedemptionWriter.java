package io.loyalty.reward;

import io.loyalty.common.BusinessMetrics;
import io.loyalty.common.Idempotency;
import io.loyalty.common.LoyaltyConfig;
import io.loyalty.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes the redemptions asked for at the same time in one transaction, as {@code io.loyalty.order.OrderWriter} does
 * for orders. A request thread queues its redemption and waits; a writer thread takes whatever has queued (at most
 * {@code loyalty.redemptions.batch-size}), redeems them in turn with the same code a single redemption uses ({@link
 * RedemptionBatch}) and commits once; only then is every redemption of the batch answered, so a crash loses only
 * unanswered requests. Under light load a batch is one redemption, so nothing waits for a batch to fill; a writer
 * writes that one itself rather than handing it back, which keeps it busy while the next requests queue (handed
 * back, lone redemptions left the writers idle to take each request as it came: a third of the benchmark's
 * redemptions were written alone).
 *
 * <p>One bad redemption (not enough points, out of stock, not eligible) must not fail the others: it rolls its batch
 * back, goes back to its own request thread, which redeems it on its own exactly as without batching (and so answers
 * with the same problem), and the batch is tried again without it. Anything else that fails a batch (a lock not
 * granted within {@link RedemptionBatch#LOCK_TIMEOUT}, a deadlock) hands every redemption back to its thread. So
 * does whatever a batch does not take: a missing or malformed Idempotency-Key, a customer unknown or
 * erased, and a key used before or repeated within the batch, which is handed back once the batch has committed and
 * so is answered as a replay (or a conflict).
 */
@ApplicationScoped
class RedemptionWriter {
    private static final Logger LOG = Logger.getLogger(RedemptionWriter.class);
    /** How often a batch is tried again without a redemption that failed it, before all are written on their own. */
    private static final int MAX_ATTEMPTS = 3;
    private static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(10);

    private final RedemptionBatch batches;
    private final RedemptionIssuer issuer;
    private final BusinessMetrics metrics;
    private final int writers;
    private final int batchSize;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    RedemptionWriter(RedemptionBatch batches, RedemptionIssuer issuer, BusinessMetrics metrics, LoyaltyConfig config) {
        this.batches = batches;
        this.issuer = issuer;
        this.metrics = metrics;
        this.writers = config.redemptions().writers();
        this.batchSize = Math.max(1, config.redemptions().batchSize());
    }

    /**
     * A redemption waiting in the queue, and where its answer goes: the outcome as committed in a batch, or null for
     * "redeem it yourself", which the request's own thread then does, as without batching.
     */
    private record Pending(RedemptionBatch.Request request, CompletableFuture<Idempotency.Outcome<RedemptionResponse>> answer) {
        String key() {
            return request.caller().apiKeyId() + " " + request.key();
        }

        void writeYourself() {
            answer.complete(null);
        }
    }

    void start(@Observes StartupEvent event) {
        running = writers > 0;
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::loop, "redemption-writer-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /**
     * Redemptions asked for from now on are written by their own threads; the writers hand back what is still
     * queued and stop, and shutdown waits for the batches they are writing (before the database pool closes).
     */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(SHUTDOWN_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Idempotency.Outcome<RedemptionResponse> redeem(RedemptionRequest request, String key, Caller caller) {
        // A request the batch would refuse for its key is refused on its own, with its own problem.
        if (!running || !Idempotency.wellFormed(key)) {
            return alone(request, key, caller);
        }
        Pending pending = new Pending(new RedemptionBatch.Request(request, key, caller), new CompletableFuture<>());
        queue.add(pending);
        if (!running && queue.remove(pending)) {
            return alone(request, key, caller);
        }
        Idempotency.Outcome<RedemptionResponse> outcome;
        try {
            outcome = pending.answer().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("redemption writer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the redemption was being written", e);
        }
        return outcome != null ? outcome : alone(request, key, caller);
    }

    /** One redemption in a transaction of its own, as without batching. */
    private Idempotency.Outcome<RedemptionResponse> alone(RedemptionRequest request, String key, Caller caller) {
        Idempotency.Outcome<RedemptionResponse> outcome = issuer.redeem(request, key, caller);
        metrics.redemptionBatch(1);
        return outcome;
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, batchSize - 1);
            try {
                write(batch);
            } catch (Throwable e) {
                LOG.error("redemption writer failed; the batch's redemptions are written on their own", e);
            } finally {
                batch.forEach(Pending::writeYourself);
            }
        }
        for (Pending p = queue.poll(); p != null; p = queue.poll()) {
            p.writeYourself();
        }
    }

    /**
     * Writes the batch in one transaction. A redemption that fails is handed back to its request (which redeems it
     * on its own and so answers with its own problem) and the rest is tried again, a few times; anything else that
     * fails the batch hands every redemption back. The same key twice in one batch would be claimed once and its
     * second request left out: repeats are handed back once the batch has committed, like the requests left out.
     */
    private void write(List<Pending> batch) {
        Set<String> keys = new HashSet<>();
        List<Pending> together = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (keys.add(p.key())) {
                together.add(p);
            }
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !together.isEmpty(); attempt++) {
            List<Idempotency.Outcome<RedemptionResponse>> outcomes;
            try {
                outcomes = QuarkusTransaction.requiringNew().call(() -> batches.redeemAll(
                        together.stream().map(Pending::request).toList()));
            } catch (RedemptionBatch.RedemptionFailed e) {
                metrics.redemptionBatchRetried();
                together.remove(e.index).writeYourself();
                continue;
            } catch (RuntimeException e) {
                metrics.redemptionBatchRetried();
                LOG.debugf(e, "a batch of %d redemptions failed; each is written on its own", together.size());
                return;
            }
            int committed = 0;
            for (int i = 0; i < together.size(); i++) {
                if (outcomes.get(i) != null) {
                    together.get(i).answer().complete(outcomes.get(i));
                    committed++;
                }
            }
            metrics.redemptionBatch(committed);
            return;
        }
    }
}
