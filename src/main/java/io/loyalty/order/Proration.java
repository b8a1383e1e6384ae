package io.loyalty.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * How much of what an order earned its returns take back, from the order as it stands after the latest
 * return. Pure. Everything is computed on the cumulative returned share minus what earlier returns already
 * took, so that several partial returns end exactly where one full return would.
 */
final class Proration {

    /** A line of the order with how many of its units have come back so far. */
    record Line(int lineNo, int quantity, int returned, BigDecimal unitPrice) {
        BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }

        BigDecimal returnedAmount() {
            return unitPrice.multiply(BigDecimal.valueOf(returned));
        }
    }

    private final List<Line> lines;
    private final boolean full;
    private final BigDecimal amountOnlyShare;

    private Proration(List<Line> lines, boolean full, BigDecimal amountOnlyShare) {
        this.lines = lines;
        this.full = full;
        this.amountOnlyShare = amountOnlyShare;
    }

    /**
     * @param returnedAmount the money refunded so far, by lines and by amount
     * @param full           whether the order is now returned in full: everything it earned goes back
     */
    static Proration of(BigDecimal subtotal, BigDecimal discount, BigDecimal returnedAmount, List<Line> lines,
                        boolean full) {
        return new Proration(lines, full, amountOnlyShare(subtotal, discount, returnedAmount, lines));
    }

    static Proration of(Order order, List<OrderLine> lines, boolean full) {
        return of(order.subtotal, order.discount, order.returnedAmount,
                lines.stream().map(l -> new Line(l.lineNo, l.quantity, l.returnedQuantity, l.unitPrice)).toList(), full);
    }

    /**
     * The share, 0..1, of the order's net value refunded as a plain amount rather than as lines: it reverses
     * every rule alike, whatever lines the rule was based on.
     */
    private static BigDecimal amountOnlyShare(BigDecimal subtotal, BigDecimal discount, BigDecimal returnedAmount,
                                              List<Line> lines) {
        BigDecimal netOfDiscount = subtotal.subtract(discount);
        if (netOfDiscount.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal byLines = lines.stream().map(Line::returnedAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .multiply(netOfDiscount).divide(subtotal.max(BigDecimal.ONE.movePointLeft(4)), 4, RoundingMode.HALF_EVEN);
        return returnedAmount.subtract(byLines).max(BigDecimal.ZERO).divide(netOfDiscount, 10, RoundingMode.HALF_EVEN);
    }

    /**
     * Points to take back now from one rule's credit: its points times the returned share of the lines they
     * were based on (all lines when none are named), rounded to the nearest point, less what earlier returns
     * took; never more than the credit, never negative.
     */
    long points(long earned, long alreadyReversed, Integer[] basisLines) {
        long target = full ? earned : Math.round(earned * share(basisLines == null ? null : Arrays.asList(basisLines)));
        return Math.max(0, Math.min(target, earned) - alreadyReversed);
    }

    /**
     * Stamps to take back now from one stamp rule: the stamps the order gave times the share of the units they
     * were counted on that has come back, rounded down (so a one-stamp-per-order card loses its stamp only when
     * all its lines are back), all of them on a full return; less what earlier returns took, never negative.
     */
    long stamps(long earned, long alreadyTaken, List<Integer> basisLines) {
        if (earned <= 0) {
            return 0;
        }
        long units = 0;
        long back = 0;
        for (Line l : basis(basisLines)) {
            units += l.quantity();
            back += l.returned();
        }
        long target = full || units == 0 ? earned : earned * back / units;
        return Math.max(0, target - alreadyTaken);
    }

    /** The returned share, 0..1, of the value of some lines, plus the share refunded by amount. */
    private double share(List<Integer> basisLines) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal back = BigDecimal.ZERO;
        for (Line l : basis(basisLines)) {
            total = total.add(l.amount());
            back = back.add(l.returnedAmount());
        }
        double byLines = total.signum() == 0 ? 0 : back.divide(total, 10, RoundingMode.HALF_EVEN).doubleValue();
        return Math.min(1.0, byLines + amountOnlyShare.doubleValue());
    }

    private List<Line> basis(List<Integer> basisLines) {
        if (basisLines == null || basisLines.isEmpty()) {
            return lines;
        }
        return lines.stream().filter(l -> basisLines.contains(l.lineNo())).toList();
    }
}
