package io.loyalty.metrics;

import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Caller;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The period and filters every metrics endpoint takes. They arrive as strings so that every bad value is
 * reported at once, as violations naming the parameter, instead of one JAX-RS 404 at a time.
 */
public class MetricsParams extends MetricsFilters {
    /** timestamptz and java.time agree well inside this range; nobody sells before 1900 or after 2999. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    @QueryParam("from")
    @Parameter(description = "Start of the period, inclusive: an ISO-8601 instant with offset, or a date meaning its "
            + "midnight in `timezone`. Default: `to` minus the endpoint's default span.", example = "2025-10-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "End of the period, exclusive: an instant or a date as for `from`. Default: now.",
            example = "2026-01-01")
    String to;

    @QueryParam("programmeId")
    @Parameter(description = "Count only orders placed while the customer was a member of this programme.")
    String programmeId;

    /**
     * The validated scope, or a 400 listing every bad parameter. {@code defaultSpan} is how far before {@code to}
     * the period starts when {@code from} is not given.
     */
    public Scope toScope(Caller caller, Period defaultSpan) {
        return toScope(caller, defaultSpan, new Violations());
    }

    /**
     * As {@link #toScope(Caller, Period)}, adding to the violations the endpoint already found in its own
     * parameters, so that one 400 names them all.
     */
    public Scope toScope(Caller caller, Period defaultSpan, Violations v) {
        ZoneId zone = zone(v);
        Instant[] period = period(v, zone, from, to, defaultSpan);
        UUID programme = uuid(v, "programmeId", programmeId);
        return scope(v, caller, zone, period[0], period[1], programme);
    }

    /** The zone named by {@code timezone} (default UTC), for endpoints that parse more instants with it. */
    public static ZoneId zone(Violations v, String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            v.add("timezone", "must be an IANA time zone such as Asia/Kolkata or UTC");
            return ZoneId.of("UTC");
        }
    }

    /** An instant with offset, or a date meaning its midnight in {@code zone}; null (and a violation) if neither. */
    public static Instant instant(Violations v, String name, String value, ZoneId zone) {
        Instant at = null;
        try {
            at = value.length() <= 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            v.add(name, "must be a date (2025-10-01) or an ISO-8601 instant with offset (2025-10-01T00:00:00Z)");
            return null;
        }
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            v.add(name, "must be in the years 1900 to 2999");
            return null;
        }
        return at;
    }

    /** A positive ISO-8601 period in years, months, weeks or days (P90D, P1M, P1W); null (and a violation) if not. */
    public static Period period(Violations v, String name, String value, Period defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            Period p = Period.parse(value);
            if (p.isNegative() || p.isZero() || p.getYears() < 0 || p.getMonths() < 0 || p.getDays() < 0) {
                v.add(name, "must be a positive period such as P90D or P1M");
                return null;
            }
            if (p.getYears() > 100 || p.toTotalMonths() * 31 + p.getDays() > 36_600) {
                v.add(name, "must be at most 100 years");
                return null;
            }
            return p;
        } catch (DateTimeParseException e) {
            v.add(name, "must be an ISO-8601 period such as P90D, P1W or P1M");
            return null;
        }
    }


    /** Bad query parameters collected so that one 400 names them all. */
    public static final class Violations {
        private final List<Problem.Violation> list = new ArrayList<>();

        public void add(String parameter, String message) {
            list.add(new Problem.Violation(parameter, "query", message));
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }

        public void throwIfAny() {
            if (!list.isEmpty()) {
                throw Problems.invalid(list);
            }
        }
    }
}
