package io.loyalty.metrics;

import io.loyalty.security.Caller;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** RFM's instant and filters: the orders placed before {@code asOf}. */
public class RfmParams extends MetricsFilters {
    @QueryParam("asOf")
    @Parameter(description = "Score the orders placed before this instant: an ISO-8601 instant with offset, or a date "
            + "meaning its midnight in `timezone`. Default: now.", example = "2026-01-01")
    String asOf;

    @QueryParam("programmeId")
    @Parameter(description = "Count only orders placed while the customer was a member of this programme.")
    String programmeId;

    /** A scope whose {@code to} is asOf (and no {@code from}), or a 400 naming every bad parameter. */
    public Scope toScope(Caller caller) {
        MetricsParams.Violations v = new MetricsParams.Violations();
        ZoneId zone = zone(v);
        Instant at = asOf == null || asOf.isBlank() ? io.loyalty.common.Timestamps.now()
                : MetricsParams.instant(v, "asOf", asOf, zone);
        UUID programme = uuid(v, "programmeId", programmeId);
        return scope(v, caller, zone, null, at, programme);
    }
}
