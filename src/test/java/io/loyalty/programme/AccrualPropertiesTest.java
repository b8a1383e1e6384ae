package io.loyalty.programme;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.loyalty.programme.Rules.line;
import static io.loyalty.programme.Rules.order;
import static io.loyalty.programme.Rules.programme;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What holds for every order, whatever its amounts. */
class AccrualPropertiesTest {
    static final String AT = "2026-03-10T12:00:00Z";

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2);
    }

    @Provide
    Arbitrary<String> rates() {
        return Arbitraries.of("0.01", "0.1", "0.5", "1", "1.25", "3", "10");
    }

    static long spendPoints(String rate, BigDecimal amount, BigDecimal discount) {
        List<Accrual.Award> awards = Accrual.forOrder(programme("UTC", Rules.spend("spend", rate)),
                order(AT, discount.toPlainString(), line(1, "A", null, 1, amount.toPlainString())), Map.of());
        return awards.stream().mapToLong(Accrual.Award::amount).sum();
    }

    @Property
    void spendPointsNeverFallWhenTheOrderGrowsAndAreNeverNegative(@ForAll("amounts") BigDecimal a,
                                                                   @ForAll("amounts") BigDecimal b,
                                                                   @ForAll("amounts") BigDecimal discount,
                                                                   @ForAll("rates") String rate) {
        BigDecimal smaller = a.min(b);
        BigDecimal larger = a.max(b);
        long few = spendPoints(rate, smaller, discount);
        long more = spendPoints(rate, larger, discount);
        assertTrue(few >= 0, "points " + few);
        assertTrue(few <= more, smaller + " earned " + few + " but " + larger + " earned " + more);
    }

    @Property
    void spendPointsAreTheEligibleSpendTimesTheRateRoundedDown(@ForAll("amounts") BigDecimal amount,
                                                                @ForAll("amounts") BigDecimal discount,
                                                                @ForAll("rates") String rate) {
        long points = spendPoints(rate, amount, discount);
        BigDecimal exact = amount.subtract(discount).max(BigDecimal.ZERO).multiply(new BigDecimal(rate));
        assertTrue(BigDecimal.valueOf(points).compareTo(exact) <= 0, points + " > " + exact);
        assertTrue(BigDecimal.valueOf(points + 1).compareTo(exact) > 0, points + " + 1 <= " + exact);
    }

    @Property
    void aCappedAwardNeverExceedsWhatIsLeftOfTheCap(@ForAll @LongRange(min = 1, max = 10_000) long cap,
                                                   @ForAll @LongRange(min = 0, max = 20_000) long used,
                                                   @ForAll("amounts") BigDecimal amount) {
        Programme p = programme("UTC", Rules.spend("spend", "1").caps(cap, null));
        List<Accrual.Award> awards = Accrual.forOrder(p, order(AT, "0", line(1, "A", null, 1, amount.toPlainString())),
                Map.of("spend|D2026-03-10", used));
        for (Accrual.Award award : awards) {
            assertTrue(award.amount() >= 0);
            assertTrue(award.amount() <= Math.max(0, cap - used), award.amount() + " with " + used + " of " + cap + " used");
            assertTrue(award.amount() <= award.uncapped());
        }
    }
}
