package io.loyalty.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(1_000);

    private void advanceSeconds(double seconds) {
        now.addAndGet((long) (seconds * TimeUnit.SECONDS.toNanos(1)));
    }

    @Test
    void aBurstPassesThenTheClientWaitsForTheRefill() {
        TokenBuckets buckets = new TokenBuckets(3, 0.5, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.take("a"));
        }
        assertEquals(2, buckets.take("a"), "one token every 2 s");
        assertEquals(0, buckets.take("b"), "clients have buckets of their own");
        advanceSeconds(1);
        assertEquals(1, buckets.take("a"));
        advanceSeconds(1);
        assertEquals(0, buckets.take("a"));
        assertEquals(2, buckets.waitFor("a"));
    }

    @Test
    void waitingTakesNothingAndAnUnknownClientNeverWaits() {
        TokenBuckets buckets = new TokenBuckets(1, 1.0 / 60, 100, now::get);
        assertEquals(0, buckets.waitFor("a"));
        assertEquals(0, buckets.waitFor("a"));
        assertEquals(0, buckets.take("a"));
        assertEquals(60, buckets.waitFor("a"));
        advanceSeconds(59.5);
        assertEquals(1, buckets.waitFor("a"), "a wait is rounded up to a whole second");
        advanceSeconds(0.5);
        assertEquals(0, buckets.waitFor("a"));
    }

    @Test
    void theMapStaysBoundedAndDropsIdleClientsFirst() {
        TokenBuckets buckets = new TokenBuckets(2, 1, 10, now::get);
        buckets.take("throttled");
        buckets.take("throttled");
        for (int i = 0; i < 1_000; i++) {
            buckets.take("client-" + i);
            assertTrue(buckets.size() <= 10, "at most 10 clients are tracked");
        }
        TokenBuckets idle = new TokenBuckets(2, 1, 3, now::get);
        idle.take("throttled");
        idle.take("throttled");
        idle.take("a");
        idle.take("b");
        advanceSeconds(1);
        idle.take("c");
        assertEquals(2, idle.size(), "the full buckets were dropped, the throttled one was kept");
        assertEquals(0, idle.take("throttled"), "the refilled bucket still holds one token");
        assertEquals(1, idle.take("throttled"));
    }

    @Test
    void aBucketHoldsAtLeastOneToken() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 1, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 0, 1, now::get));
    }
}
