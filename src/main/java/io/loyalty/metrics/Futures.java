package io.loyalty.metrics;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Statements run side by side on analytics connections: their results, or what they threw, as thrown. */
final class Futures {
    private Futures() {
    }

    /** The future's value, or what it threw (a problem such as metrics-timeout), as thrown. */
    static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
