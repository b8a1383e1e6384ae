package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A share with the counts behind it, so that an analyst can re-add rates across periods or segments instead of
 * averaging them. {@code value} is null, never 0 or NaN, when nothing was there to count.
 */
@Schema(name = "Rate", description = "numerator / denominator, rounded half-even to 6 decimals; `value` is null when the "
        + "denominator is 0.", example = "{\"value\": 0.421548, \"numerator\": 2238, \"denominator\": 5309}")
public record Rate(
        @Schema(nullable = true, required = true, example = "0.421548") BigDecimal value,
        @Schema(required = true, example = "2238") long numerator,
        @Schema(required = true, example = "5309") long denominator) {

    static final int SCALE = 6;

    public static Rate of(long numerator, long denominator) {
        BigDecimal value = denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_EVEN);
        return new Rate(value, numerator, denominator);
    }
}
