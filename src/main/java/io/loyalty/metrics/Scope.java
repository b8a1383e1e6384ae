package io.loyalty.metrics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What a metric looks at: the half-open period [from, to), the time zone of its calendar buckets, and the
 * filters that select the orders it counts (see {@link OrderScope}). {@code partnerId} is never a request
 * parameter: it is the calling PARTNER key's partner, so a partner only ever sees its own orders.
 */
public record Scope(Instant from, Instant to, ZoneId zone, UUID programmeId, String channel, String currency,
                    UUID partnerId) {

    /** The same filters over another period (a series' step, a lifetime "before to"). */
    public Scope during(Instant newFrom, Instant newTo) {
        return new Scope(newFrom, newTo, zone, programmeId, channel, currency, partnerId);
    }

    /** The inputs as echoed in every response. */
    public MetricsInputs inputs() {
        return new MetricsInputs(from, to, zone.getId(), programmeId, channel, currency, partnerId);
    }
}
