package io.loyalty.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Writes the requests that arrive together in one transaction (orders, redemptions). A request thread queues its
 * request and waits; a writer thread takes whatever has queued (at most {@code batchSize}), writes it with
 * {@link Batch#writeAll} in a new transaction and commits once; only then is every request of the batch answered, so
 * a crash loses only unanswered requests. Under light load a batch is one request, which the writer writes itself:
 * handed back, lone requests left the writers idle to take each one as it came, and batches seldom formed.
 *
 * <p>One bad request must not fail the others: {@link Batch#writeAll} names it with {@link Failed}, it goes back to
 * its own request thread ({@link #submit} answers null: "do it yourself", as without batching, and so with its own
 * problem), and the batch is tried again without it, a few times. Anything else that fails a batch hands every
 * request back. So do the requests a batch leaves out (a null result) and a key repeated within the batch, which are
 * handed back once the batch has committed.
 */
public final class BatchWriter<T, R> {
    /** How often a batch is tried again without a request that failed it, before all are written on their own. */
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    /** What a batch writes, and what it tells when it has. */
    public interface Batch<T, R> {
        /** Writes the requests in the caller's transaction; a null result leaves that request to its own thread. */
        List<R> writeAll(List<T> requests);

        /** The batch committed these results (nulls left out). */
        void committed(List<R> results);

        /** The batch was rolled back to be retried, or handed back. */
        void retried();
    }

    /** Thrown by {@link Batch#writeAll} when one request of the batch failed: which one, and why. */
    public static final class Failed extends RuntimeException {
        private final int index;

        public Failed(int index, RuntimeException cause) {
            super("request " + index + " of a batch failed", cause, false, false);
            this.index = index;
        }
    }

    private record Pending<T, R>(T request, CompletableFuture<R> answer) {
        void writeYourself() {
            answer.complete(null);
        }
    }

    private final String name;
    private final int writers;
    private final int batchSize;
    private final Function<T, String> key;
    private final Batch<T, R> batch;
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** @param key requests with the same key never share a batch */
    public BatchWriter(String name, int writers, int batchSize, Function<T, String> key, Batch<T, R> batch) {
        this.name = name;
        this.writers = writers;
        this.batchSize = Math.max(1, batchSize);
        this.key = key;
        this.batch = batch;
    }

    public void start() {
        running = writers > 0;
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(this::loop, name + "-writer-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /**
     * Requests submitted from now on are handed back; the writers hand back what is still queued and stop, and this
     * waits for the batches they are writing (call it before the database pool closes).
     */
    public void stop() {
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

    /** The request's result as committed in a batch, or null: the caller writes it on its own. */
    public R submit(T request) {
        if (!running) {
            return null;
        }
        Pending<T, R> pending = new Pending<>(request, new CompletableFuture<>());
        queue.add(pending);
        if (!running && queue.remove(pending)) {
            return null;
        }
        try {
            return pending.answer().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " writer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the " + name + " was being written", e);
        }
    }

    private void loop() {
        List<Pending<T, R>> taken = new ArrayList<>(batchSize);
        while (running) {
            Pending<T, R> first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                continue;
            }
            taken.clear();
            taken.add(first);
            queue.drainTo(taken, batchSize - 1);
            try {
                write(taken);
            } catch (Throwable e) {
                LOG.errorf(e, "%s writer failed; the batch's requests are written on their own", name);
            } finally {
                taken.forEach(Pending::writeYourself);
            }
        }
        for (Pending<T, R> p = queue.poll(); p != null; p = queue.poll()) {
            p.writeYourself();
        }
    }

    private void write(List<Pending<T, R>> taken) {
        Set<String> keys = new HashSet<>();
        List<Pending<T, R>> together = new ArrayList<>(taken.size());
        for (Pending<T, R> p : taken) {
            if (keys.add(key.apply(p.request()))) {
                together.add(p);
            }
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !together.isEmpty(); attempt++) {
            List<R> results;
            try {
                results = QuarkusTransaction.requiringNew().call(() -> batch.writeAll(
                        together.stream().map(Pending::request).toList()));
            } catch (Failed e) {
                batch.retried();
                together.remove(e.index).writeYourself();
                continue;
            } catch (RuntimeException e) {
                batch.retried();
                LOG.debugf(e, "a batch of %d %s requests failed; each is written on its own", together.size(), name);
                return;
            }
            List<R> committed = new ArrayList<>(together.size());
            for (int i = 0; i < together.size(); i++) {
                if (results.get(i) != null) {
                    together.get(i).answer().complete(results.get(i));
                    committed.add(results.get(i));
                }
            }
            batch.committed(committed);
            return;
        }
    }
}
