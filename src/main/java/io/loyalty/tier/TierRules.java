package io.loyalty.tier;

import io.loyalty.programme.TierScheme;
import io.loyalty.programme.TierScheme.Downgrade;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The pure arithmetic of tiers: qualification windows, review dates and what the downgrade policy decides.
 * Tier indexes count from 0 (the lowest tier); -1 is "no tier".
 */
final class TierRules {
    private static final Duration JUST_BEFORE = Duration.ofNanos(1000);

    private TierRules() {
    }

    /** The start of the window that counts at {@code at}: the last N months, or 1 January, in the programme's zone. */
    static Instant windowStart(TierScheme s, ZoneId zone, Instant at) {
        if (s.window() == TierScheme.Window.ROLLING) {
            return at.atZone(zone).minusMonths(s.months()).toInstant();
        }
        return LocalDate.of(at.atZone(zone).getYear(), 1, 1).atStartOfDay(zone).toInstant();
    }

    /**
     * The window an evaluation at {@code at} judges: the one that ends there. A calendar-year review at midnight on
     * 1 January judges the year that just ended, not the one starting.
     */
    static Instant windowEndingAt(TierScheme s, ZoneId zone, Instant at) {
        return windowStart(s, zone, at.minus(JUST_BEFORE));
    }

    /** When a tier reached or kept at {@code from} is next reviewed: the end of its window. */
    static Instant reviewAfter(TierScheme s, ZoneId zone, Instant from) {
        if (s.window() == TierScheme.Window.ROLLING) {
            return from.atZone(zone).plusMonths(s.months()).toInstant();
        }
        return LocalDate.of(from.atZone(zone).getYear() + 1, 1, 1).atStartOfDay(zone).toInstant();
    }

    /** The outcome of a review: the tier afterwards, and whether the member is in grace (keeping it for now). */
    record Review(int tier, boolean grace) {
    }

    /**
     * A review of a member holding {@code current} whose window's qualification reaches {@code qualified}. Short of
     * the threshold, a member gets the grace period once ({@code inGrace}: this is the evaluation at its end).
     */
    static Review atReview(Downgrade policy, int current, int qualified, int graceDays, boolean inGrace) {
        if (qualified >= current || policy == Downgrade.NEVER) {
            return new Review(current, false);
        }
        if (graceDays > 0 && !inGrace) {
            return new Review(current, true);
        }
        return new Review(downgrade(policy, current, qualified), false);
    }

    /**
     * A return that took the qualification of the window the tier was reached in below its threshold: the policy
     * applies at once, without grace (the tier rested on the returned order).
     */
    static int afterReturn(Downgrade policy, int current, int qualified) {
        return qualified >= current ? current : downgrade(policy, current, qualified);
    }

    private static int downgrade(Downgrade policy, int current, int qualified) {
        return switch (policy) {
            case NEVER -> current;
            case ONE_LEVEL -> current - 1;
            case RECALCULATE -> qualified;
        };
    }
}
