package io.loyalty.game;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

@Schema(name = "ChallengeRequest", description = "A goal over a period: ORDERS (count orders), SPEND (add their "
        + "amounts net of discount) or CATEGORIES (count distinct line categories), reached by `target` within each "
        + "MONTH, QUARTER or YEAR (programme time zone) or within the whole validity WINDOW. The order that reaches "
        + "it pays the prize, once per period.")
public record ChallengeRequest(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Three orders this month") String name,
        @NotNull @Schema(required = true, example = "ORDERS") ChallengeRules.Goal goal,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
        @Schema(required = true, example = "3", description = "Whole for ORDERS and CATEGORIES, an amount for SPEND.")
        BigDecimal target,
        @NotNull @Schema(required = true, example = "MONTH") ChallengeRules.Period period,
        @NotNull @Valid @Schema(required = true) PrizeRequest prize,
        @Schema(nullable = true, description = "Orders placed from (inclusive); required for WINDOW.") Instant validFrom,
        @Schema(nullable = true, description = "Orders placed until (exclusive); required for WINDOW.") Instant validTo) {
}
