package io.loyalty.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request rate limits, kept in memory by each instance: with n instances behind a load balancer a client
 * may reach up to n times these rates.
 */
@ConfigMapping(prefix = "loyalty.rate-limit")
public interface RateLimitConfig {

    /** Off only for benchmarks that measure the service itself. */
    @WithDefault("true")
    boolean enabled();

    PerKey perKey();

    FailedAuthentication failedAuthentication();

    /** How many keys and client addresses each instance tracks at most; bounds the memory the limits use. */
    @WithDefault("100000")
    int maxTrackedClients();

    /** Requests one API key may make: a sustained rate and a burst above it. */
    interface PerKey {
        @WithDefault("100")
        double requestsPerSecond();

        @WithDefault("200")
        int burst();
    }

    /**
     * Unknown or revoked keys one client address may present: after {@code burst} failures every request with a
     * key from that address is refused until the allowance refills at {@code per-minute}.
     */
    interface FailedAuthentication {
        @WithDefault("20")
        int burst();

        @WithDefault("10")
        double perMinute();
    }
}
