package io.loyalty.metrics;

import io.loyalty.security.Caller;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Period;
import java.time.ZoneId;
import java.time.Instant;

/** from/to/timezone/channel of the feedback metrics; `channel` is where the feedback was given. */
public class FeedbackMetricsParams extends MetricsFilters {
    @QueryParam("from")
    @Parameter(description = "Start of the period, inclusive: an instant with offset, or a date meaning its midnight "
            + "in `timezone`. Default: 90 days before `to`.", example = "2025-10-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "End of the period, exclusive. Default: now.", example = "2026-01-01")
    String to;

    public Scope toScope(Caller caller) {
        MetricsParams.Violations v = new MetricsParams.Violations();
        if (currency != null) {
            v.add("currency", "does not apply to feedback");
        }
        ZoneId zone = zone(v);
        Instant[] period = period(v, zone, from, to, Period.ofDays(90));
        return scope(v, caller, zone, period[0], period[1], null);
    }
}
