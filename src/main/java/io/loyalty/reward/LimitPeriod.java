package io.loyalty.reward;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The window a per-customer limit counts in, in the programme's time zone. */
public enum LimitPeriod {
    DAY, WEEK, MONTH, YEAR, EVER;

    /** The start of the period that contains {@code now}; null for EVER. */
    public Instant start(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = switch (this) {
            case DAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> today.withDayOfMonth(1);
            case YEAR -> today.withDayOfYear(1);
            case EVER -> null;
        };
        return first == null ? null : first.atStartOfDay(zone).toInstant();
    }
}
