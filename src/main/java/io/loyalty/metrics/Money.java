package io.loyalty.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money figures of the metrics. Sums are exact at the scale orders are stored with (4 decimals); money divided by a
 * count (per order, per buyer, per customer) is rounded half-even to the same 4 decimals, and null when the count
 * is 0. Non-money quotients (orders per buyer, shares) use the 6 decimals of {@link Rate}.
 */
public final class Money {
    public static final int SCALE = 4;

    private Money() {
    }

    /** A sum read from SQL at the stored scale; 0 (not null) when nothing was added. */
    public static BigDecimal sum(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal per(BigDecimal amount, long count) {
        return count == 0 ? null : amount.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_EVEN);
    }

    /** A plain quotient of counts, such as orders per buyer, rounded as a {@link Rate}'s value. */
    public static BigDecimal ratio(long numerator, long denominator) {
        return Rate.of(numerator, denominator).value();
    }
}
