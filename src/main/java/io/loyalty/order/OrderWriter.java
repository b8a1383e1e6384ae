package io.loyalty.order;

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
 * Writes the orders posted at the same time in one transaction. A request thread queues its order and waits; a
 * writer thread takes whatever has queued (at most {@code loyalty.orders.batch-size}), records the orders in turn
 * with the same code a single order uses, writes their rows together (one multi-row statement per table instead of
 * one per order and table) and commits once; only then is every order of the batch answered. Under light load a
 * batch is one order, so nothing waits for a batch to fill; under heavy load the queue grows while the writers are
 * busy, and batches grow with it. A writer writes a lone order itself rather than handing it back: handed back, lone
 * orders left the writers idle to take each request as it came, so batches seldom formed.
 *
 * <p>One bad order must not fail the others: an order refused halfway rolls its batch back, goes back to its own
 * request thread, which writes it on its own exactly as without batching (and so answers with the same problem),
 * and the batch is tried again without it. Anything else that fails a batch (an externalId posted at the same moment
 * on another instance, a lock not granted within {@link OrderRecorder#LOCK_TIMEOUT}, a deadlock) hands every order
 * back to its thread. So does whatever a batch cannot take: an inline or unknown customer, an externalId used
 * before or twice in the batch. Nothing of a batch is answered before it has committed, so a crash
 * loses only unanswered requests.
 */
@ApplicationScoped
class OrderWriter {
    private static final Logger LOG = Logger.getLogger(OrderWriter.class);
    /** How often a batch is tried again without an order that failed it, before all are written on their own. */
    private static final int MAX_ATTEMPTS = 3;
    private static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(10);

    private final OrderRecorder recorder;
    private final BusinessMetrics metrics;
    private final int writers;
    private final int batchSize;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    OrderWriter(OrderRecorder recorder, BusinessMetrics metrics, LoyaltyConfig config) {
        this.recorder = recorder;
        this.metrics = metrics;
        this.writers = config.orders().writers();
        this.batchSize = Math.max(1, config.orders().batchSize());
    }

    /**
     * An order waiting in the queue, and where its answer goes: the order as committed in a batch, or null for "write
     * it yourself", which the request's own thread then does, as without batching.
     */
    private record Pending(OrderRequest request, byte[] hash, Caller caller, CompletableFuture<Posted> answer) {
        String key() {
            return caller.apiKeyId() + " " + request.externalId();
        }

        void answer(Posted posted) {
            answer.complete(posted);
        }

        void writeYourself() {
            answer.complete(null);
        }
    }

    void start(@Observes StartupEvent event) {
        running = writers > 0;
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::loop, "order-writer-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /**
     * Orders posted from now on are written by their own threads; the writers hand back what is still queued and
     * stop, and shutdown waits for the batches they are writing (before the database pool closes).
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

    Posted post(OrderRequest request, byte[] hash, Caller caller) {
        if (!running) {
            return postAlone(request, hash, caller);
        }
        Pending pending = new Pending(request, hash, caller, new CompletableFuture<>());
        queue.add(pending);
        if (!running && queue.remove(pending)) {
            return postAlone(request, hash, caller);
        }
        Posted posted;
        try {
            posted = pending.answer().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("order writer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the order was being written", e);
        }
        return posted != null ? posted : postAlone(request, hash, caller);
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
                LOG.error("order writer failed; the batch's orders are written on their own", e);
            } finally {
                batch.forEach(Pending::writeYourself);
            }
        }
        for (Pending p = queue.poll(); p != null; p = queue.poll()) {
            p.writeYourself();
        }
    }

    /**
     * Writes the batch in one transaction. An order that fails is handed back to its request (which writes it on its
     * own and so answers with its own error) and the rest is tried again, a few times; anything else that fails the
     * batch hands every order back. The same externalId twice in one batch would fail it at the unique key: repeats,
     * like orders answered as replays, are handed back once the batch has committed.
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
            List<Posted> posted;
            try {
                posted = QuarkusTransaction.requiringNew().call(() -> recorder.recordAll(
                        together.stream().map(Pending::request).toList(), together.stream().map(Pending::hash).toList(),
                        together.stream().map(Pending::caller).toList()));
            } catch (OrderRecorder.OrderFailed e) {
                metrics.orderBatchRetried();
                together.remove(e.index).writeYourself();
                continue;
            } catch (RuntimeException e) {
                metrics.orderBatchRetried();
                LOG.debugf(e, "a batch of %d orders failed; each is written on its own", together.size());
                return;
            }
            int committed = 0;
            for (int i = 0; i < together.size(); i++) {
                if (posted.get(i) != null) {
                    together.get(i).answer(posted.get(i));
                    committed++;
                }
            }
            metrics.orderBatch(committed);
            posted.stream().filter(java.util.Objects::nonNull).forEach(this::accrued);
            return;
        }
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
