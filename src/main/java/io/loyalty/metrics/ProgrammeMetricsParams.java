package io.loyalty.metrics;

import io.loyalty.security.Caller;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/** A programme's period and the order filters of its revenue comparison (no programmeId: the path names it). */
public class ProgrammeMetricsParams extends MetricsFilters {
    static final Period DEFAULT_SPAN = Period.ofMonths(3);

    @QueryParam("from")
    @Parameter(description = "Start of the period, inclusive: an ISO-8601 instant with offset, or a date meaning its "
            + "midnight in `timezone`. Default: `to` minus 3 months.", example = "2025-10-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "End of the period, exclusive: an instant or a date as for `from`. Default: now.",
            example = "2026-01-01")
    String to;

    public Scope toScope(Caller caller) {
        MetricsParams.Violations v = new MetricsParams.Violations();
        ZoneId zone = zone(v);
        Instant[] period = period(v, zone, from, to, DEFAULT_SPAN);
        return scope(v, caller, zone, period[0], period[1], null);
    }
}
