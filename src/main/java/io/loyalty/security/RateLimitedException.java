package io.loyalty.security;

/** A client went over a rate limit; it may try again after {@code retryAfterSeconds}. */
public class RateLimitedException extends RuntimeException {
    private final long retryAfterSeconds;

    RateLimitedException(String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
