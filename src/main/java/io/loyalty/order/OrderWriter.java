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
 * busy, and batches grow with it.
 *
 * <p>One bad order must not fail the others: any failure of a batch (an order refused halfway, an externalId
 * posted concurrently by another instance, a deadlock with another instance's batch) rolls all of it back, and
 * each of its orders is then written on its own, exactly as without batching. Nothing of a batch is answered
 * before it has committed, so a crash loses only unanswered requests.
 */
@ApplicationScoped
class OrderWriter {
    private static final Logger LOG = Logger.getLogger(OrderWriter.class);

    private final OrderRecorder recorder;
    private final BusinessMetrics metrics;
    private final int writers;
    private final int batchSize;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;

    OrderWriter(OrderRecorder recorder, BusinessMetrics metrics, LoyaltyConfig config) {
        this.recorder = recorder;
        this.metrics = metrics;
        this.writers = config.orders().writers();
        this.batchSize = Math.max(1, config.orders().batchSize());
    }

    /** An order waiting in the queue, and where its answer goes. */
    private record Pending(OrderRequest request, byte[] hash, Caller caller, CompletableFuture<Posted> answer) {
        String key() {
            return caller.apiKeyId() + " " + request.externalId();
        }

        void answer(Posted posted) {
            answer.complete(posted);
        }

        void fail(Throwable e) {
            answer.completeExceptionally(e);
        }
    }

    void start(@Observes StartupEvent event) {
        running = writers > 0;
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::loop, "order-writer-" + i);
            t.setDaemon(true);
            t.start();
        }
    }

    /** The writers finish what is queued and stop; orders posted from now on are written by their own thread. */
    void stop(@Observes ShutdownEvent event) {
        running = false;
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
        try {
            return pending.answer().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the order was being written", e);
        }
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
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
                LOG.error("order writer failed", e);
                batch.forEach(p -> p.fail(e));
            }
        }
    }

    private void write(List<Pending> batch) {
        // The same externalId twice in one batch would fail all of it at the unique key: repeats go after it.
        Set<String> keys = new HashSet<>();
        List<Pending> together = new ArrayList<>(batch.size());
        List<Pending> after = new ArrayList<>();
        for (Pending p : batch) {
            (keys.add(p.key()) ? together : after).add(p);
        }
        if (together.size() == 1) {
            writeAlone(together.get(0));
        } else {
            writeTogether(together);
        }
        after.forEach(this::writeAlone);
    }

    private void writeTogether(List<Pending> batch) {
        List<Posted> posted;
        try {
            posted = QuarkusTransaction.requiringNew().call(() -> recorder.recordAll(
                    batch.stream().map(Pending::request).toList(), batch.stream().map(Pending::hash).toList(),
                    batch.stream().map(Pending::caller).toList()));
        } catch (RuntimeException e) {
            LOG.debugf(e, "a batch of %d orders failed; writing each on its own", batch.size());
            batch.forEach(this::writeAlone);
            return;
        }
        metrics.orderBatch((int) posted.stream().filter(java.util.Objects::nonNull).count());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (posted.get(i) == null) {
                writeAlone(p);
            } else {
                accrued(posted.get(i));
                p.answer(posted.get(i));
            }
        }
    }

    private void writeAlone(Pending p) {
        try {
            p.answer(postAlone(p.request(), p.hash(), p.caller()));
        } catch (RuntimeException e) {
            p.fail(e);
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
