package io.loyalty.programme;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/** When earned points expire. Stored as JSON on the programme. */
@RegisterForReflection
@Schema(name = "ExpiryPolicy", description = """
        NEVER; AFTER: `after` (ISO-8601 period such as P12M) after earning; END_OF_PERIOD: at the end of the \
        MONTH, QUARTER or YEAR that is `periods` periods after the one of earning (0 = the same period), in the \
        programme's timezone; INACTIVITY: all points expire `inactivityDays` days after the customer's last order.""")
public record ExpiryPolicy(
        @Schema(required = true, example = "AFTER") Type type,
        @Schema(example = "P12M", nullable = true, description = "AFTER: an ISO-8601 period, at most 100 years.")
        String after,
        @Schema(example = "YEAR", nullable = true) CalendarPeriod period,
        @Schema(example = "1", nullable = true, minimum = "0", maximum = "120") Integer periods,
        @Schema(example = "365", nullable = true, minimum = "1", maximum = "36500") Integer inactivityDays) {

    @Schema(name = "ExpiryType")
    public enum Type { NEVER, AFTER, END_OF_PERIOD, INACTIVITY }

    public enum CalendarPeriod { MONTH, QUARTER, YEAR }

    public static ExpiryPolicy never() {
        return new ExpiryPolicy(Type.NEVER, null, null, null, null);
    }

    /** Problems with this policy, as field messages; empty when it is valid. */
    public List<String[]> problems() {
        List<String[]> problems = new ArrayList<>();
        if (type == null) {
            problems.add(new String[]{"expiry.type", "is required"});
            return problems;
        }
        switch (type) {
            case AFTER -> {
                try {
                    Period p = Period.parse(after == null ? "" : after);
                    if (p.isNegative() || p.isZero()) {
                        problems.add(new String[]{"expiry.after", "must be a positive period"});
                    } else if (p.toTotalMonths() > 1200 || p.getDays() > 36500) {
                        problems.add(new String[]{"expiry.after", "must be at most 100 years"});
                    }
                } catch (RuntimeException e) {
                    problems.add(new String[]{"expiry.after", "must be an ISO-8601 period such as P12M or P90D"});
                }
            }
            case END_OF_PERIOD -> {
                if (period == null) {
                    problems.add(new String[]{"expiry.period", "is required: MONTH, QUARTER or YEAR"});
                }
                if (periods == null || periods < 0 || periods > 120) {
                    problems.add(new String[]{"expiry.periods", "must be between 0 and 120"});
                }
            }
            case INACTIVITY -> {
                if (inactivityDays == null || inactivityDays < 1 || inactivityDays > 36500) {
                    problems.add(new String[]{"expiry.inactivityDays", "must be between 1 and 36500"});
                }
            }
            case NEVER -> {
            }
        }
        return problems;
    }

    /**
     * When points earned at {@code earnedAt} expire, or null when they do not expire on a date of their
     * own (NEVER, or INACTIVITY, which depends on later orders).
     */
    public Instant expiresAt(Instant earnedAt, ZoneId zone) {
        return switch (type) {
            case NEVER, INACTIVITY -> null;
            case AFTER -> earnedAt.atZone(zone).plus(Period.parse(after)).toInstant();
            case END_OF_PERIOD -> {
                LocalDate day = earnedAt.atZone(zone).toLocalDate();
                LocalDate start = switch (period) {
                    case MONTH -> day.withDayOfMonth(1).plusMonths(periods + 1L);
                    case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3L * (periods + 1));
                    case YEAR -> day.withDayOfYear(1).plusYears(periods + 1L);
                };
                yield start.atStartOfDay(zone).toInstant();
            }
        };
    }
}
