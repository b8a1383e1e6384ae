package io.loyalty.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InFlightLimitTest {

    @Test
    void admitsUpToTheLimitAndRefusesTheNextUntilOneIsReleased() {
        InFlightLimit limit = new InFlightLimit(2);
        InFlightLimit.Permit first = limit.tryAcquire();
        InFlightLimit.Permit second = limit.tryAcquire();
        assertNotNull(first);
        assertNotNull(second);
        assertNull(limit.tryAcquire());
        assertEquals(2, limit.inFlight());

        assertTrue(first.release());
        assertEquals(1, limit.inFlight());
        assertNotNull(limit.tryAcquire());
        assertNull(limit.tryAcquire());
    }

    @Test
    void aPermitIsReleasedOnlyOnceHoweverManyEndingsReportIt() {
        InFlightLimit limit = new InFlightLimit(2);
        InFlightLimit.Permit held = limit.tryAcquire();
        InFlightLimit.Permit ending = limit.tryAcquire();
        assertTrue(ending.release());
        // Response ended, then connection closed, then a failure: only the first gives the place back.
        assertFalse(ending.release());
        assertFalse(ending.release());
        assertEquals(1, limit.inFlight());
        // The limit did not drift up: one more is admitted, not two.
        assertNotNull(limit.tryAcquire());
        assertNull(limit.tryAcquire());
        assertNotNull(held);
    }

    @Test
    void neverGoesNegative() {
        InFlightLimit limit = new InFlightLimit(1);
        InFlightLimit.Permit permit = limit.tryAcquire();
        permit.release();
        permit.release();
        assertEquals(0, limit.inFlight());
        assertNotNull(limit.tryAcquire());
        assertNull(limit.tryAcquire(), "a second release must not have made room for a second request");
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new InFlightLimit(0));
    }

    /** Threads racing to acquire and to release (each permit twice) never see more than the limit, nor end above 0. */
    @Test
    void underContentionTheCountStaysWithinTheLimitAndReturnsToZero() throws Exception {
        InFlightLimit limit = new InFlightLimit(3);
        AtomicInteger overLimit = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        InFlightLimit.Permit p = limit.tryAcquire();
                        int seen = limit.inFlight();
                        if (seen > 3 || seen < 0) {
                            overLimit.incrementAndGet();
                        }
                        if (p != null) {
                            admitted.incrementAndGet();
                            p.release();
                            p.release();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, overLimit.get());
        assertTrue(admitted.get() > 0);
        assertEquals(0, limit.inFlight());
    }
}
