package io.loyalty.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calendar arithmetic in the request's time zone, done here rather than in SQL so that the database only ever
 * compares instants (PostgreSQL and java.time disagree on offset-style zone names such as "+05:30").
 */
public final class Periods {
    /** More periods or buckets than this in one answer is a 400: nobody charts them, and each costs a scan. */
    public static final int MAX_PERIODS = 1_000;

    private Periods() {
    }

    /** Cohort buckets: calendar months, or ISO weeks starting on Monday. */
    public enum Granularity {
        MONTH, WEEK;

        static Granularity parse(MetricsParams.Violations v, String value) {
            if (value == null || value.isBlank()) {
                return MONTH;
            }
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("granularity", "must be month or week");
                return null;
            }
        }

        /** "2025-01" for a month, "2025-W03" for an ISO week (of the ISO week-based year). */
        String label(LocalDate day) {
            return this == MONTH ? String.format("%04d-%02d", day.getYear(), day.getMonthValue())
                    : String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        LocalDate startOf(LocalDate day) {
            return this == MONTH ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        LocalDate next(LocalDate start) {
            return this == MONTH ? start.plusMonths(1) : start.plusWeeks(1);
        }
    }

    /** t minus the calendar period w, in the zone (P1M before 31 March is 28 or 29 February). */
    public static Instant minus(Instant t, Period w, ZoneId zone) {
        return t.atZone(zone).minus(w).toInstant();
    }

    /**
     * The bounds of consecutive periods [from, from + i), [from + i, from + 2i), ... up to {@code to}: each bound is
     * {@code from} plus k intervals (not the previous bound plus one, which would drift at month ends), and the
     * last period ends at {@code to}, shorter when the interval does not divide the span. Null and a violation
     * on {@code parameter} when there would be more than {@link #MAX_PERIODS}.
     */
    public static List<Instant> steps(Instant from, Instant to, ZoneId zone, Period interval,
                                      MetricsParams.Violations v, String parameter) {
        List<Instant> bounds = new ArrayList<>();
        ZonedDateTime start = from.atZone(zone);
        Instant at = from;
        for (int k = 1; at.isBefore(to); k++) {
            if (k > MAX_PERIODS) {
                v.add(parameter, "gives more than " + MAX_PERIODS + " periods between from and to");
                return null;
            }
            bounds.add(at);
            at = start.plus(interval.multipliedBy(k)).toInstant();
        }
        bounds.add(to);
        return bounds;
    }

    /**
     * The calendar buckets (months or weeks in the zone) that [from, to) overlaps, clipped to it: the first starts
     * at {@code from}, the last ends at {@code to}. Returns the bounds (one more than the buckets); null and a
     * violation when there would be more than {@link #MAX_PERIODS} buckets.
     */
    public static List<Instant> buckets(Instant from, Instant to, ZoneId zone, Granularity granularity,
                                        MetricsParams.Violations v) {
        List<Instant> bounds = new ArrayList<>();
        bounds.add(from);
        LocalDate start = granularity.startOf(from.atZone(zone).toLocalDate());
        while (true) {
            start = granularity.next(start);
            Instant at = start.atStartOfDay(zone).toInstant();
            if (!at.isBefore(to)) {
                break;
            }
            if (bounds.size() >= MAX_PERIODS) {
                v.add("granularity", "gives more than " + MAX_PERIODS + " buckets between from and to");
                return null;
            }
            bounds.add(at);
        }
        bounds.add(to);
        return bounds;
    }

    /** The label of the calendar bucket an instant falls in. */
    public static String label(Instant at, ZoneId zone, Granularity granularity) {
        return granularity.label(at.atZone(zone).toLocalDate());
    }
}
