package io.loyalty.tier;

import io.loyalty.programme.TierScheme;
import io.loyalty.programme.TierScheme.Downgrade;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Qualification windows, review dates and the downgrade policies, without a database. */
class TierRulesTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final List<TierScheme.Tier> LEVELS = List.of(
            new TierScheme.Tier("Red", BigDecimal.ZERO, null, null, null),
            new TierScheme.Tier("Silver", new BigDecimal("1000"), new BigDecimal("1.5"), List.of("free_shipping"), null),
            new TierScheme.Tier("Gold", new BigDecimal("5000"), BigDecimal.valueOf(2), List.of("lounge_access"), null));
    private static final TierScheme CALENDAR = new TierScheme(TierScheme.Basis.POINTS, TierScheme.Window.CALENDAR_YEAR,
            null, Downgrade.ONE_LEVEL, 0, LEVELS);
    private static final TierScheme ROLLING = new TierScheme(TierScheme.Basis.SPEND, TierScheme.Window.ROLLING,
            12, Downgrade.RECALCULATE, 30, LEVELS);

    @Test
    void aCalendarYearWindowStartsOnFirstJanuaryInTheProgrammesZone() {
        // 31 Dec 2026 20:00 UTC is already 1 Jan 2027 in Kolkata.
        Instant at = Instant.parse("2026-12-31T20:00:00Z");
        assertEquals(Instant.parse("2026-12-31T18:30:00Z"), TierRules.windowStart(CALENDAR, KOLKATA, at));
        assertEquals(Instant.parse("2025-12-31T18:30:00Z"), TierRules.windowStart(CALENDAR, ZoneId.of("Asia/Kolkata"),
                Instant.parse("2026-12-31T18:00:00Z")));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), TierRules.windowStart(CALENDAR, ZoneId.of("UTC"), at));
    }

    @Test
    void aRollingWindowIsTheLastNMonths() {
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        assertEquals(Instant.parse("2025-11-22T10:00:00Z"), TierRules.windowStart(ROLLING, ZoneId.of("UTC"), at));
        TierScheme three = new TierScheme(TierScheme.Basis.POINTS, TierScheme.Window.ROLLING, 3, null, null, LEVELS);
        // 31 May minus 3 months is 28 February (the month's last day), not 3 March.
        assertEquals(Instant.parse("2026-02-28T00:00:00Z"),
                TierRules.windowStart(three, ZoneId.of("UTC"), Instant.parse("2026-05-31T00:00:00Z")));
    }

    @Test
    void reviewsComeAtTheEndOfTheWindowAndJudgeTheWindowThatEnded() {
        Instant reached = Instant.parse("2026-06-10T08:00:00Z");
        Instant review = TierRules.reviewAfter(CALENDAR, KOLKATA, reached);
        assertEquals(Instant.parse("2026-12-31T18:30:00Z"), review, "midnight of 1 January 2027 in Kolkata");
        assertEquals(Instant.parse("2025-12-31T18:30:00Z"), TierRules.windowEndingAt(CALENDAR, KOLKATA, review),
                "the review at the new year judges the year that ended");
        assertEquals(Instant.parse("2027-12-31T18:30:00Z"), TierRules.reviewAfter(CALENDAR, KOLKATA, review),
                "a tier kept at the new year is next reviewed a year later");
        Instant rolling = TierRules.reviewAfter(ROLLING, ZoneId.of("UTC"), reached);
        assertEquals(Instant.parse("2027-06-10T08:00:00Z"), rolling);
        assertEquals(Instant.parse("2026-06-10T08:00:00Z").minusNanos(1000),
                TierRules.windowEndingAt(ROLLING, ZoneId.of("UTC"), rolling));
    }

    @Test
    void aMemberWhoQualifiedKeepsTheTierUnderEveryPolicy() {
        for (Downgrade policy : Downgrade.values()) {
            assertEquals(new TierRules.Review(2, false), TierRules.atReview(policy, 2, 2, 30, false));
            assertEquals(new TierRules.Review(1, false), TierRules.atReview(policy, 1, 2, 0, false),
                    "a review never upgrades; orders do");
        }
    }

    @Test
    void shortAtTheReviewEachPolicyDecidesItsWay() {
        assertEquals(new TierRules.Review(2, false), TierRules.atReview(Downgrade.NEVER, 2, 0, 0, false));
        assertEquals(new TierRules.Review(1, false), TierRules.atReview(Downgrade.ONE_LEVEL, 2, 0, 0, false));
        assertEquals(new TierRules.Review(0, false), TierRules.atReview(Downgrade.RECALCULATE, 2, 0, 0, false));
        assertEquals(new TierRules.Review(-1, false), TierRules.atReview(Downgrade.RECALCULATE, 1, -1, 0, false));
    }

    @Test
    void graceDefersTheDowngradeOnceAndTheEndOfGraceDecides() {
        TierRules.Review first = TierRules.atReview(Downgrade.ONE_LEVEL, 2, 0, 30, false);
        assertEquals(new TierRules.Review(2, true), first, "kept for the grace period");
        assertEquals(new TierRules.Review(1, false), TierRules.atReview(Downgrade.ONE_LEVEL, 2, 0, 30, true),
                "still short when grace ends: the policy applies");
        assertEquals(new TierRules.Review(2, false), TierRules.atReview(Downgrade.RECALCULATE, 2, 2, 30, true),
                "requalified during grace: kept");
        assertEquals(new TierRules.Review(2, false), TierRules.atReview(Downgrade.NEVER, 2, 0, 30, false),
                "NEVER needs no grace");
    }

    @Test
    void aReturnAppliesThePolicyAtOnce() {
        assertEquals(2, TierRules.afterReturn(Downgrade.NEVER, 2, 0));
        assertEquals(1, TierRules.afterReturn(Downgrade.ONE_LEVEL, 2, 0));
        assertEquals(0, TierRules.afterReturn(Downgrade.RECALCULATE, 2, 0));
        assertEquals(2, TierRules.afterReturn(Downgrade.RECALCULATE, 2, 2), "still above the threshold: nothing");
    }

    @Test
    void qualificationReachesTheHighestTierWhoseThresholdItMeets() {
        assertEquals(0, CALENDAR.qualifiedIndex(BigDecimal.ZERO));
        assertEquals(0, CALENDAR.qualifiedIndex(new BigDecimal("999.99")));
        assertEquals(1, CALENDAR.qualifiedIndex(new BigDecimal("1000")));
        assertEquals(2, CALENDAR.qualifiedIndex(new BigDecimal("100000")));
    }

    @Test
    void schemesAreValidated() {
        assertTrue(CALENDAR.problems().isEmpty());
        assertTrue(ROLLING.problems().isEmpty());
        TierScheme bad = new TierScheme(null, TierScheme.Window.ROLLING, null, null, 400, List.of(
                new TierScheme.Tier("Gold", new BigDecimal("10"), BigDecimal.ZERO, List.of("Lounge Access"), null),
                new TierScheme.Tier("Gold", new BigDecimal("5"), null, null, null)));
        List<String> fields = bad.problems().stream().map(p -> p[0]).toList();
        assertEquals(List.of("tiers.basis", "tiers.months", "tiers.graceDays", "tiers.levels[0].multiplier",
                "tiers.levels[0].benefits", "tiers.levels[1].name", "tiers.levels[1].threshold"), fields);
        assertFalse(new TierScheme(TierScheme.Basis.POINTS, TierScheme.Window.CALENDAR_YEAR, null, null, null,
                java.util.Arrays.asList((TierScheme.Tier) null)).problems().isEmpty(), "a null tier is a problem, not a crash");
    }
}
