package io.loyalty.order;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What returns take back, worked out without a database. */
class ProrationTest {

    private static Proration.Line line(int lineNo, int quantity, int returned, String unitPrice) {
        return new Proration.Line(lineNo, quantity, returned, new BigDecimal(unitPrice));
    }

    /** An order without discount whose refunds so far are exactly its returned lines. */
    private static Proration byLines(boolean full, Proration.Line... lines) {
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal returned = BigDecimal.ZERO;
        for (Proration.Line l : lines) {
            subtotal = subtotal.add(l.amount());
            returned = returned.add(l.returnedAmount());
        }
        return Proration.of(subtotal, BigDecimal.ZERO, returned, List.of(lines), full);
    }

    @Test
    void aFullReturnTakesBackEverythingWhateverTheLines() {
        Proration p = byLines(true, line(1, 2, 0, "10"), line(2, 1, 0, "5"));
        assertEquals(100, p.points(100, 0, null));
        assertEquals(100, p.points(100, 0, new Integer[]{2}));
        assertEquals(7, p.stamps(7, 0, List.of()));
        assertEquals(3, p.points(100, 97, null), "less what earlier returns took");
        assertEquals(0, p.stamps(7, 7, List.of(1)));
    }

    @Test
    void aPartialReturnTakesBackTheReturnedShareOfTheBasisLines() {
        // 1 x 100 and 3 x 30; one of the 30s back: 30 of 190 overall, 30 of 90 of line 2.
        Proration p = byLines(false, line(1, 1, 0, "100"), line(2, 3, 1, "30"));
        assertEquals(30, p.points(190, 0, null));
        assertEquals(30, p.points(90, 0, new Integer[]{2}));
        assertEquals(0, p.points(100, 0, new Integer[]{1}), "a rule on line 1 only loses nothing");
        assertEquals(1, p.stamps(3, 0, List.of(2)));
    }

    @Test
    void partialReturnsAddUpToTheFullReturn() {
        // Returns of 1, then 2 more of line 2: cumulative shares 1/3 and 3/3 of 90 points.
        Proration first = byLines(false, line(1, 1, 0, "100"), line(2, 3, 1, "30"));
        long taken = first.points(90, 0, new Integer[]{2});
        Proration second = byLines(false, line(1, 1, 0, "100"), line(2, 3, 3, "30"));
        taken += second.points(90, taken, new Integer[]{2});
        assertEquals(90, taken);
    }

    @Test
    void pointsRoundToTheNearestPointAndStampsRoundDown() {
        // One of three units back: 10 points x 1/3 = 3.33 -> 3; 2 of 3 -> 6.67 -> 7.
        assertEquals(3, byLines(false, line(1, 3, 1, "1")).points(10, 0, null));
        assertEquals(7, byLines(false, line(1, 3, 2, "1")).points(10, 0, null));
        // Stamps: 2 x 2/3 = 1.33 -> 1, never rounded up.
        assertEquals(1, byLines(false, line(1, 3, 2, "1")).stamps(2, 0, null));
        assertEquals(0, byLines(false, line(1, 3, 1, "1")).stamps(2, 0, null));
    }

    @Test
    void aOneStampPerOrderCardLosesItsStampOnlyWhenEveryCountedLineIsBack() {
        Proration mostBack = byLines(false, line(1, 2, 2, "5"), line(2, 1, 0, "5"), line(3, 4, 0, "1"));
        assertEquals(0, mostBack.stamps(1, 0, List.of(1, 2)));
        Proration countedBack = byLines(false, line(1, 2, 2, "5"), line(2, 1, 1, "5"), line(3, 4, 0, "1"));
        assertEquals(1, countedBack.stamps(1, 0, List.of(1, 2)), "line 3 was not counted");
        assertEquals(0, countedBack.stamps(1, 1, List.of(1, 2)), "taken back once only");
    }

    @Test
    void stampsCountedOnNoLinesGoBackOnlyInFull() {
        Proration p = byLines(false, line(1, 2, 1, "5"));
        assertEquals(0, p.stamps(0, 0, null), "nothing earned, nothing to take");
        assertEquals(4, Proration.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(line(1, 0, 0, "0")), false).stamps(4, 0, null), "no units to share by: all of them");
    }

    @Test
    void aRefundByAmountReversesEveryRuleAlike() {
        // 100 order, 20 discount: net 80; 40 refunded as an amount is half of it.
        Proration p = Proration.of(new BigDecimal("100"), new BigDecimal("20"), new BigDecimal("40"),
                List.of(line(1, 1, 0, "60"), line(2, 1, 0, "40")), false);
        assertEquals(50, p.points(100, 0, null));
        assertEquals(50, p.points(100, 0, new Integer[]{2}));
        assertEquals(0, p.stamps(2, 0, null), "stamps follow units, not money");
    }

    @Test
    void lineAndAmountRefundsTogetherNeverTakeMoreThanTheCredit() {
        // Line 2 (40 of 100, net of a 20 discount: 32) back, then 72 in all refunded: 40 more by amount = 0.5.
        Proration p = Proration.of(new BigDecimal("100"), new BigDecimal("20"), new BigDecimal("72"),
                List.of(line(1, 1, 0, "60"), line(2, 1, 1, "40")), false);
        assertEquals(100, p.points(100, 0, new Integer[]{2}), "capped at the credit");
        assertEquals(50, p.points(100, 0, new Integer[]{1}));
        assertEquals(0, p.points(100, 100, new Integer[]{2}));
    }
}
