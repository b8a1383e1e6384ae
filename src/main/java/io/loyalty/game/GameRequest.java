package io.loyalty.game;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

@Schema(name = "GameRequest", description = "An instant-win game: every order of a member over `minAmount` (net of "
        + "discount, shipping excluded), with a line of `category` if one is set, placed within the validity window, "
        + "plays once and wins `prize` with `probability`, while the win budgets last.")
public record GameRequest(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Free dessert") String name,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "10.00", description = "Default 0.")
        BigDecimal minAmount,
        @Size(min = 1, max = 100) @Schema(nullable = true, example = "mains") String category,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 6)
        @Schema(required = true, example = "0.25", description = "Chance to win, over 0 and at most 1, six decimals at most.")
        BigDecimal probability,
        @NotNull @Valid @Schema(required = true) PrizeRequest prize,
        @Min(1) @Max(1_000_000_000) @Schema(nullable = true, example = "50",
                description = "Wins per day (programme time zone); null: no daily limit.") Integer dailyWinBudget,
        @Min(1) @Max(1_000_000_000) @Schema(nullable = true, example = "1000",
                description = "Wins in all; null: no limit. Once spent, nobody wins.") Integer totalWinBudget,
        @Schema(nullable = true, description = "Orders placed from (inclusive).") Instant validFrom,
        @Schema(nullable = true, description = "Orders placed until (exclusive).") Instant validTo) {
}
