package io.loyalty.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Admission control of {@code /api/v1}, per instance (see {@link AdmissionControl}): with n instances behind a
 * load balancer the service as a whole takes up to n times these numbers.
 */
@ConfigMapping(prefix = "loyalty.admission")
public interface AdmissionConfig {

    /** Off only to measure how the service behaves without it. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Requests of {@code /api/v1} served at once; the next one is answered 503 at once. Twice the database pool
     * (32): enough to keep every connection busy while other requests parse, authenticate or write their answer,
     * and few enough that an admitted request waits at most about one pool turn for a connection.
     */
    @WithDefault("64")
    int maxInFlight();

    /** What a refused request is told to wait before retrying, as the {@code Retry-After} header (whole seconds, at least 1). */
    @WithDefault("1S")
    Duration retryAfter();

    Imports imports();

    /**
     * Bulk import uploads ({@code POST /api/v1/imports/...}) hold their request for as long as the client takes to
     * send the file, minutes for years of orders; they have a small limit of their own and take no place of the
     * one above, so uploads never starve checkout and checkout never refuses an upload.
     */
    interface Imports {
        @WithDefault("2")
        int maxInFlight();
    }
}
