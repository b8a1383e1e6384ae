package io.loyalty.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bound on how many requests are being served at once. A request takes a {@link Permit} or is refused at once;
 * nothing waits here, since waiting is what made latency grow to seconds past capacity. Only a permit gives its
 * place back, and only once, however many of a request's endings (response sent, connection closed, failure)
 * report it: a place given back twice would let the limit drift up, one never given back would shed everything.
 */
public final class InFlightLimit {
    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit of requests in flight must be at least 1, not " + limit);
        }
        this.limit = limit;
    }

    /** A permit, or null when {@code limit} requests are already in flight. */
    public Permit tryAcquire() {
        // A compare-and-set loop rather than increment-then-undo, so the count never shows more than the limit.
        for (int current = inFlight.get(); current < limit; current = inFlight.get()) {
            if (inFlight.compareAndSet(current, current + 1)) {
                return new Permit();
            }
        }
        return null;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int limit() {
        return limit;
    }

    /** One admitted request's place. */
    public final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit() {
        }

        /** Gives the place back; true the first time, false (and no effect) after that. */
        public boolean release() {
            if (!released.compareAndSet(false, true)) {
                return false;
            }
            inFlight.decrementAndGet();
            return true;
        }
    }
}
