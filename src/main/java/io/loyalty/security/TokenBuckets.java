package io.loyalty.security;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One token bucket per client (a key or an address), in memory, for at most {@code maxEntries} clients. A full
 * bucket is the same as none, so those are dropped first when the map is full; if every tracked client is
 * still throttled, arbitrary ones are forgotten: memory stays bounded, the limit then errs towards letting through.
 */
final class TokenBuckets {
    private final double capacity;
    private final double tokensPerNano;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double capacity, double tokensPerSecond, int maxEntries, LongSupplier nanoClock) {
        if (capacity < 1 || tokensPerSecond <= 0 || maxEntries < 1) {
            throw new IllegalArgumentException("A bucket holds at least one token and refills at a positive rate");
        }
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / TimeUnit.SECONDS.toNanos(1);
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** Takes a token: 0 when there was one, else the seconds until there will be (at least 1). */
    long take(String client) {
        return bucket(client).take(nanoClock.getAsLong(), true);
    }

    /** Like {@link #take} but takes nothing: the seconds until a token is there, 0 when one is. */
    long waitFor(String client) {
        Bucket bucket = buckets.get(client);
        return bucket == null ? 0 : bucket.take(nanoClock.getAsLong(), false);
    }

    int size() {
        return buckets.size();
    }

    private Bucket bucket(String client) {
        Bucket bucket = buckets.get(client);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= maxEntries) {
            evict();
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(capacity, nanoClock.getAsLong()));
    }

    private void evict() {
        long now = nanoClock.getAsLong();
        buckets.values().removeIf(b -> b.isFull(now));
        Iterator<Bucket> rest = buckets.values().iterator();
        while (buckets.size() >= maxEntries * 3 / 4 && rest.hasNext()) {
            rest.next();
            rest.remove();
        }
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take(long now, boolean consume) {
            refill(now);
            if (tokens >= 1) {
                if (consume) {
                    tokens -= 1;
                }
                return 0;
            }
            double nanos = (1 - tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(nanos / TimeUnit.SECONDS.toNanos(1)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > refilledAt) {
                tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
                refilledAt = now;
            }
        }
    }
}
