package io.loyalty.security;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The per-key request limit and the per-address limit on failed authentications, both per instance (see
 * {@link RateLimitConfig}). A throttled address is refused before its key is even looked at, so that guessing
 * goes no faster while it is throttled, whatever the guesses are.
 */
@ApplicationScoped
public class RateLimits {
    private final boolean enabled;
    private final TokenBuckets keys;
    private final TokenBuckets failures;

    RateLimits(RateLimitConfig config) {
        this.enabled = config.enabled();
        this.keys = new TokenBuckets(config.perKey().burst(), config.perKey().requestsPerSecond(),
                config.maxTrackedClients(), System::nanoTime);
        this.failures = new TokenBuckets(config.failedAuthentication().burst(),
                config.failedAuthentication().perMinute() / 60, config.maxTrackedClients(), System::nanoTime);
    }

    /** Refuses an address that has used up its failed authentications. */
    void checkAddress(String address) {
        long wait = enabled ? failures.waitFor(address) : 0;
        if (wait > 0) {
            throw new RateLimitedException("Too many requests with an unknown or revoked API key from this address;"
                    + " try again in " + wait + " s", wait);
        }
    }

    void failedAuthentication(String address) {
        if (enabled) {
            failures.take(address);
        }
    }

    /** Counts a request of an authenticated key and refuses it when the key is over its rate. */
    void request(Caller caller) {
        long wait = enabled ? keys.take(caller.apiKeyId().toString()) : 0;
        if (wait > 0) {
            throw new RateLimitedException("This API key made more requests than its rate limit allows;"
                    + " try again in " + wait + " s", wait);
        }
    }
}
