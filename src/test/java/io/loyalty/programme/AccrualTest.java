package io.loyalty.programme;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.loyalty.programme.Rules.line;
import static io.loyalty.programme.Rules.order;
import static io.loyalty.programme.Rules.programme;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The earning rules applied to one order or event, without the application; every expected value is worked by hand. */
class AccrualTest {
    static final String UTC = "UTC";
    static final String NOON = "2026-03-10T12:00:00Z";

    static List<Accrual.Award> awards(Programme p, Accrual.OrderFacts order) {
        return Accrual.forOrder(p, order, Map.of());
    }

    /** The single award of the rule, checking there is exactly one. */
    static Accrual.Award only(List<Accrual.Award> awards, String ruleId) {
        List<Accrual.Award> of = awards.stream().filter(a -> a.rule().id().equals(ruleId)).toList();
        assertEquals(1, of.size(), "awards of " + ruleId + ": " + of);
        return of.get(0);
    }

    @Test
    void spendRoundsDownToWholePoints() {
        Accrual.OrderFacts order = order(NOON, "0", line(1, "CHAI", "drinks", 2, "99.98"));
        Accrual.Award one = only(awards(programme(UTC, Rules.spend("spend", "1")), order), "spend");
        assertEquals(99, one.amount());
        assertEquals(99, one.uncapped());
        assertFalse(one.capped());
        assertArrayEquals(new Integer[]{1}, one.basisLines());
        // 99.98 x 0.1 = 9.998
        assertEquals(9, only(awards(programme(UTC, Rules.spend("spend", "0.1")), order), "spend").amount());
        // 10 x 1.5 = 15 exactly: nothing is lost to rounding
        assertEquals(15, only(awards(programme(UTC, Rules.spend("spend", "1.5")),
                order(NOON, "0", line(1, "A", null, 1, "10.00"))), "spend").amount());
    }

    @Test
    void anAwardIsCappedSoThatNoRuleOrOrderCanOverflowALong() {
        // A rate even the validation would refuse, on the largest order amount it accepts: no ArithmeticException.
        Accrual.OrderFacts huge = order(NOON, "0", line(1, "A", "x", 1, "999999999999999.9999"));
        Accrual.Award one = only(awards(programme(UTC, Rules.spend("spend", "1E+18")), huge), "spend");
        assertEquals(Accrual.MAX_AWARD, one.amount());
        assertEquals(Accrual.MAX_AWARD, Accrual.floor(new java.math.BigDecimal("1E+400")));
        assertEquals(-Accrual.MAX_AWARD, Accrual.floor(new java.math.BigDecimal("-1E+400")));
    }

    @Test
    void theDiscountDoesNotEarnAndADiscountAboveTheLinesEarnsNothingRatherThanLess() {
        Programme p = programme(UTC, Rules.spend("spend", "1"));
        assertEquals(79, only(awards(p, order(NOON, "20.50", line(1, "A", null, 1, "100.00"))), "spend").amount());
        assertTrue(awards(p, order(NOON, "150.00", line(1, "A", null, 1, "100.00"))).isEmpty());
    }

    @Test
    void everySpendRuleEarnsOnItsOwn() {
        List<Accrual.Award> awards = awards(programme(UTC, Rules.spend("base", "1"), Rules.spend("promo", "0.25")),
                order(NOON, "0", line(1, "A", null, 1, "41.00")));
        assertEquals(41, only(awards, "base").amount());
        assertEquals(10, only(awards, "promo").amount()); // 10.25
    }

    @Test
    void theMinimumOrderAmountIsMeasuredAfterTheDiscount() {
        Programme p = programme(UTC, Rules.spend("spend", "1").min("50.00"));
        assertTrue(awards(p, order(NOON, "0", line(1, "A", null, 1, "49.99"))).isEmpty());
        assertEquals(50, only(awards(p, order(NOON, "0", line(1, "A", null, 1, "50.00"))), "spend").amount());
        assertTrue(awards(p, order(NOON, "15.00", line(1, "A", null, 1, "60.00"))).isEmpty(), "60 - 15 = 45 < 50");
    }

    @Test
    void aCategoryMultiplierAddsItsBonusOnTopOfSpendForItsLinesOnly() {
        List<Accrual.Award> awards = awards(programme(UTC, Rules.spend("spend", "1"),
                        Rules.multiplier("drinks", "3").categories("drinks")),
                order(NOON, "0", line(1, "CHAI", "drinks", 2, "60.00"), line(2, "CAKE", "bakery", 1, "40.00")));
        assertEquals(100, only(awards, "spend").amount());
        Accrual.Award bonus = only(awards, "drinks");
        assertEquals(120, bonus.amount(), "60 x rate 1 x (3 - 1)");
        assertArrayEquals(new Integer[]{1}, bonus.basisLines());
    }

    @Test
    void aSkuMultiplierEarnsOnTheLinesShareOfTheDiscountedSpendAtTheSumOfSpendRates() {
        List<Accrual.Award> awards = awards(programme(UTC, Rules.spend("spend", "1.5"), Rules.spend("promo", "0.5"),
                        Rules.multiplier("cake", "2").skus("CAKE")),
                order(NOON, "10.00", line(1, "CHAI", "drinks", 1, "60.00"), line(2, "CAKE", "bakery", 2, "40.00")));
        assertEquals(135, only(awards, "spend").amount(), "90 x 1.5");
        assertEquals(45, only(awards, "promo").amount(), "90 x 0.5");
        Accrual.Award bonus = only(awards, "cake");
        // The cake line is 40 of 100, so 36 of the 90 that earn; at 1.5 + 0.5 = 2 a unit, doubled: 36 x 2 x (2 - 1).
        assertEquals(72, bonus.amount());
        assertArrayEquals(new Integer[]{2}, bonus.basisLines());
    }

    @Test
    void aMultiplierBonusRoundsDown() {
        List<Accrual.Award> awards = awards(programme(UTC, Rules.spend("spend", "1"),
                Rules.multiplier("half", "1.5").skus("A")), order(NOON, "0", line(1, "A", null, 1, "33.33")));
        assertEquals(16, only(awards, "half").amount(), "33.33 x 0.5 = 16.665");
    }

    @Test
    void aMultiplierEarnsNothingWithoutASpendRuleInForce() {
        Programme expiredSpend = programme(UTC, Rules.spend("spend", "1").valid(null, "2026-01-01T00:00:00Z"),
                Rules.multiplier("drinks", "3").categories("drinks"));
        assertTrue(awards(expiredSpend, order(NOON, "0", line(1, "CHAI", "drinks", 1, "60.00"))).isEmpty());
        Programme noSpend = programme(UTC, Rules.multiplier("drinks", "3").categories("drinks"));
        assertTrue(awards(noSpend, order(NOON, "0", line(1, "CHAI", "drinks", 1, "60.00"))).isEmpty());
    }

    @Test
    void aStampRuleGivesOneStampPerQualifyingOrderOrOnePerQualifyingUnit() {
        Accrual.OrderFacts order = order(NOON, "0", line(1, "CHAI", "drinks", 3, "30.00"),
                line(2, "CAKE", "bakery", 4, "80.00"), line(3, "COFFEE", "drinks", 2, "40.00"));
        Accrual.Award perOrder = only(awards(programme(UTC,
                Rules.stamp("card", EarningRule.StampPer.ORDER).categories("drinks")), order), "card");
        assertEquals(1, perOrder.amount());
        assertArrayEquals(new Integer[]{1, 3}, perOrder.basisLines());
        Accrual.Award perUnit = only(awards(programme(UTC,
                Rules.stamp("card", EarningRule.StampPer.UNIT).categories("drinks")), order), "card");
        assertEquals(5, perUnit.amount(), "3 + 2 drinks");
        assertEquals(1, only(awards(programme(UTC, Rules.stamp("card", null).skus("CAKE")), order), "card").amount(),
                "per defaults to ORDER");
        assertEquals(9, only(awards(programme(UTC, Rules.stamp("card", EarningRule.StampPer.UNIT)), order), "card").amount(),
                "no filter: every unit");
    }

    @Test
    void aStampRuleGivesNothingToAnOrderWithoutItsLinesOrBelowItsMinimum() {
        Accrual.OrderFacts cakeOnly = order(NOON, "0", line(1, "CAKE", "bakery", 4, "80.00"));
        assertTrue(awards(programme(UTC, Rules.stamp("card", EarningRule.StampPer.UNIT).categories("drinks")), cakeOnly).isEmpty());
        Programme withMinimum = programme(UTC, Rules.stamp("card", EarningRule.StampPer.ORDER).min("100.00"));
        assertTrue(awards(withMinimum, cakeOnly).isEmpty());
        assertEquals(1, only(awards(withMinimum, order(NOON, "0", line(1, "CAKE", "bakery", 5, "100.00"))), "card").amount());
    }

    @Test
    void aRuleIsValidFromItsStartInclusiveToItsEndExclusive() {
        Programme p = programme(UTC, Rules.spend("spend", "1").valid("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"));
        assertTrue(awards(p, order("2026-02-28T23:59:59Z", "0", line(1, "A", null, 1, "10"))).isEmpty());
        assertEquals(10, only(awards(p, order("2026-03-01T00:00:00Z", "0", line(1, "A", null, 1, "10"))), "spend").amount());
        assertEquals(10, only(awards(p, order("2026-03-31T23:59:59Z", "0", line(1, "A", null, 1, "10"))), "spend").amount());
        assertTrue(awards(p, order("2026-04-01T00:00:00Z", "0", line(1, "A", null, 1, "10"))).isEmpty());
    }

    @Test
    void aDailyCapCountsWhatTheRuleGaveOnTheProgrammesLocalDay() {
        // 20:00 UTC on 31 January is 01:30 on 1 February in Kolkata.
        Programme p = programme("Asia/Kolkata", Rules.spend("spend", "1").caps(50L, null));
        Accrual.OrderFacts order = order("2026-01-31T20:00:00Z", "0", line(1, "A", null, 1, "100"));
        Accrual.Award capped = only(Accrual.forOrder(p, order, Map.of("spend|D2026-02-01", 30L)), "spend");
        assertEquals(20, capped.amount());
        assertEquals(100, capped.uncapped());
        assertTrue(capped.capped());
        assertEquals(50, only(Accrual.forOrder(p, order, Map.of("spend|D2026-01-31", 30L)), "spend").amount(),
                "use on the UTC date is another local day");
        Accrual.Award spent = only(Accrual.forOrder(p, order, Map.of("spend|D2026-02-01", 80L)), "spend");
        assertEquals(0, spent.amount(), "a cap already exceeded gives nothing, not less than nothing");
        assertTrue(spent.capped());
    }

    @Test
    void theSmallerOfTheDailyAndMonthlyCapWins() {
        Programme p = programme(UTC, Rules.spend("spend", "1").caps(50L, 1000L));
        Accrual.OrderFacts order = order(NOON, "0", line(1, "A", null, 1, "100"));
        assertEquals(10, only(Accrual.forOrder(p, order, Map.of("spend|M2026-03", 990L)), "spend").amount());
        assertEquals(50, only(Accrual.forOrder(p, order, Map.of("spend|M2026-03", 900L)), "spend").amount());
        assertEquals(5, only(Accrual.forOrder(p, order, Map.of("spend|M2026-03", 995L, "spend|D2026-03-10", 10L)), "spend").amount());
    }

    @Test
    void capsAlsoLimitStamps() {
        Programme p = programme(UTC, Rules.stamp("card", EarningRule.StampPer.UNIT).caps(3L, null));
        Accrual.Award award = only(awards(p, order(NOON, "0", line(1, "CHAI", "drinks", 5, "50"))), "card");
        assertEquals(3, award.amount());
        assertEquals(5, award.uncapped());
    }

    @Test
    void anEventEarnsItsPointsUntilTheCustomersLimitIsReached() {
        Programme p = programme(UTC, Rules.event("bday", "birthday", 100).limit(1), Rules.event("review", "review", 20));
        java.time.Instant at = java.time.Instant.parse(NOON);
        Accrual.Award first = only(Accrual.forEvent(p, "birthday", at, Map.of()), "bday");
        assertEquals(100, first.amount());
        Accrual.Award again = only(Accrual.forEvent(p, "birthday", at, Map.of("bday|EVER", 1L)), "bday");
        assertEquals(0, again.amount());
        assertEquals(100, again.uncapped());
        assertTrue(Accrual.forEvent(p, "signup", at, Map.of()).isEmpty());
        assertEquals(20, only(Accrual.forEvent(p, "review", at, Map.of("review|EVER", 7L)), "review").amount(), "no limit");
    }

    @Test
    void eventRulesDoNotEarnOnOrdersNorOrderRulesOnEvents() {
        Programme p = programme(UTC, Rules.spend("spend", "1"), Rules.event("bday", "birthday", 100));
        assertEquals(List.of("spend"), awards(p, order(NOON, "0", line(1, "A", null, 1, "10")))
                .stream().map(a -> a.rule().id()).toList());
        assertEquals(List.of("bday"), Accrual.forEvent(p, "birthday", java.time.Instant.parse(NOON), Map.of())
                .stream().map(a -> a.rule().id()).toList());
    }

    @Test
    void capCountersAreKeyedByLocalDayAndMonth() {
        assertEquals("D2026-02-01", Accrual.dayKey(LocalDate.of(2026, 2, 1)));
        assertEquals("M2026-02", Accrual.monthKey(LocalDate.of(2026, 2, 1)));
        assertEquals("M2026-12", Accrual.monthKey(LocalDate.of(2026, 12, 31)));
    }
}
