package io.loyalty.programme;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.loyalty.programme.Rules.line;
import static io.loyalty.programme.Rules.order;
import static io.loyalty.programme.Rules.programme;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The membership's earn multiplier (tier x paid membership), a fact given to the pure evaluation. */
class AccrualMultiplierTest {
    private static final String NOON = "2026-03-10T12:00:00Z";

    private static long amount(List<Accrual.Award> awards, String rule) {
        return awards.stream().filter(a -> a.rule().id().equals(rule)).findFirst().orElseThrow().amount();
    }

    @Test
    void theMultiplierScalesSpendAndCategoryBonusesBeforeRounding() {
        Programme p = programme("UTC", Rules.spend("spend", "0.1"), Rules.multiplier("snacks", "2").categories("snacks"));
        Accrual.OrderFacts o = order(NOON, "0", line(1, "SAMOSA", "snacks", 1, "95"), line(2, "CHAI", "drinks", 1, "40"));
        List<Accrual.Award> plain = Accrual.forOrder(p, o, Map.of());
        assertEquals(13, amount(plain, "spend"));
        assertEquals(9, amount(plain, "snacks"));
        List<Accrual.Award> gold = Accrual.forOrder(p, o, Map.of(), BigDecimal.valueOf(2));
        assertEquals(27, amount(gold, "spend"), "135 x 0.1 x 2 = 27");
        assertEquals(19, amount(gold, "snacks"), "95 x 0.1 x (2 - 1) x 2 = 19");
        List<Accrual.Award> goldPaid = Accrual.forOrder(p, o, Map.of(), new BigDecimal("3"));
        assertEquals(40, amount(goldPaid, "spend"), "13.5 x 3 = 40.5, rounded down once");
    }

    @Test
    void capsApplyToTheMultipliedPointsAndStampsAreNotMultiplied() {
        Programme p = programme("UTC", Rules.spend("spend", "1").caps(150L, null),
                Rules.stamp("card", EarningRule.StampPer.UNIT));
        Accrual.OrderFacts o = order(NOON, "0", line(1, "CHAI", "drinks", 3, "100"));
        List<Accrual.Award> awards = Accrual.forOrder(p, o, Map.of(), BigDecimal.valueOf(2));
        Accrual.Award spend = awards.stream().filter(a -> a.rule().id().equals("spend")).findFirst().orElseThrow();
        assertEquals(150, spend.amount());
        assertEquals(200, spend.uncapped());
        assertEquals(3, amount(awards, "card"));
    }
}
