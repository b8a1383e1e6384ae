package io.loyalty.game;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Set;
import java.util.TreeSet;

/** Challenge progress as pure functions: which period an order counts in, and what it adds. */
public final class ChallengeRules {

    private ChallengeRules() {
    }

    /** ORDERS counts orders, SPEND adds their amounts (net of discount), CATEGORIES counts distinct line categories. */
    public enum Goal { ORDERS, SPEND, CATEGORIES }

    /** Calendar periods in the programme's time zone, or the challenge's whole validity WINDOW. */
    public enum Period { MONTH, QUARTER, YEAR, WINDOW }

    /** Progress in one period. */
    public record Progress(int orders, BigDecimal spend, Set<String> categories, boolean completed) {
        public static Progress none() {
            return new Progress(0, BigDecimal.ZERO, Set.of(), false);
        }
    }

    /** The period an instant falls in: '2026-11', '2026-Q4', '2026' or 'WINDOW'. */
    public static String periodKey(Period period, Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (period) {
            case MONTH -> String.format("%04d-%02d", day.getYear(), day.getMonthValue());
            case QUARTER -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(day.getYear());
            case WINDOW -> "WINDOW";
        };
    }

    /** Start and end (exclusive) of the calendar period containing {@code at}; nulls for WINDOW (the challenge's window). */
    public static Instant[] bounds(Period period, Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate start = switch (period) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> day.withDayOfYear(1);
            case WINDOW -> null;
        };
        if (start == null) {
            return new Instant[]{null, null};
        }
        LocalDate end = switch (period) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            default -> start.plusYears(1);
        };
        return new Instant[]{start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant()};
    }

    /** Progress after one more order; a completed period stays completed and counts no further. */
    public static Progress advance(Goal goal, BigDecimal target, Progress before, BigDecimal amount, Set<String> categories) {
        if (before.completed()) {
            return before;
        }
        Set<String> seen = new TreeSet<>(before.categories());
        seen.addAll(categories);
        Progress after = new Progress(before.orders() + 1, before.spend().add(amount), seen, false);
        return new Progress(after.orders(), after.spend(), after.categories(), value(goal, after).compareTo(target) >= 0);
    }

    /** How far the progress is, in the goal's unit. */
    public static BigDecimal value(Goal goal, Progress p) {
        return switch (goal) {
            case ORDERS -> BigDecimal.valueOf(p.orders());
            case SPEND -> p.spend();
            case CATEGORIES -> BigDecimal.valueOf(p.categories().size());
        };
    }
}
