package io.loyalty.metrics;

import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The filters and time zone every metrics endpoint takes, whatever its time parameters are: a period
 * ({@link MetricsParams}), an instant (RFM's {@code asOf}) or a programme's period. Subclasses add their own.
 */
public class MetricsFilters {
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,49}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @QueryParam("timezone")
    @Parameter(description = "IANA time zone of dates and calendar buckets (days, weeks, months).",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "UTC"), example = "Asia/Kolkata")
    String timezone;

    @QueryParam("channel")
    @Parameter(description = "Count only orders placed on this channel.", example = "web")
    String channel;

    @QueryParam("currency")
    @Parameter(description = "Count only orders in this currency. Required by money figures when the orders counted "
            + "are in more than one currency.", example = "INR")
    String currency;

    /** The zone of {@code timezone}, default UTC (a violation if unknown). */
    protected ZoneId zone(MetricsParams.Violations v) {
        return MetricsParams.zone(v, timezone);
    }

    /**
     * The scope over [from, to) with these filters, or a 400 listing every violation collected so far and
     * those of the filters.
     */
    protected Scope scope(MetricsParams.Violations v, Caller caller, ZoneId zone, Instant from, Instant to, UUID programme) {
        if (channel != null && !CHANNEL.matcher(channel).matches()) {
            v.add("channel", "must be 1 to 50 letters, digits, '_', '.' or '-'");
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            v.add("currency", "must be an ISO-4217 code such as INR");
        }
        v.throwIfAny();
        UUID partner = caller != null && caller.role() == Role.PARTNER ? caller.partnerId() : null;
        return new Scope(from, to, zone, programme, blankToNull(channel), blankToNull(currency), partner);
    }

    /** [from, to) from the raw values: {@code to} defaults to now, {@code from} to {@code to - defaultSpan}. */
    protected static Instant[] period(MetricsParams.Violations v, ZoneId zone, String from, String to, Period defaultSpan) {
        Instant end = to == null || to.isBlank() ? io.loyalty.common.Timestamps.now()
                : MetricsParams.instant(v, "to", to, zone);
        Instant start = from == null || from.isBlank()
                ? (end == null ? null : end.atZone(zone).minus(defaultSpan).toInstant())
                : MetricsParams.instant(v, "from", from, zone);
        if (start != null && end != null && !start.isBefore(end)) {
            v.add("from", "must be before to");
        }
        return new Instant[]{start, end};
    }

    /** A UUID query parameter, null when absent (a violation if malformed). */
    protected static UUID uuid(MetricsParams.Violations v, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            v.add(name, "must be a UUID");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
