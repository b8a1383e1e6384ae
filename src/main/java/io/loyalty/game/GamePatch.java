package io.loyalty.game;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The body of PATCH /programmes/{id}/games/{gameId}, for the OpenAPI contract only: the resource reads an ObjectNode
 * and {@link io.loyalty.common.MergePatch} merges it into a {@link GameRequest}, which is then validated.
 */
@Schema(name = "GamePatch", description = "JSON Merge Patch of a game: only the fields to change; `null` clears a field. "
        + "The result is validated as a GameRequest. `prize` is merged too: to switch between a reward and points, send "
        + "both fields, one of them null.")
public record GamePatch(
        @Schema(maxLength = 200, example = "Free dessert") String name,
        @Schema(nullable = true, example = "10.00", description = "`null`: 0.") BigDecimal minAmount,
        @Schema(nullable = true, example = "mains") String category,
        @Schema(example = "0.1") BigDecimal probability,
        PrizeRequest prize,
        @Schema(nullable = true, example = "20", minimum = "1", maximum = "1000000000") Integer dailyWinBudget,
        @Schema(nullable = true, example = "1000", minimum = "1", maximum = "1000000000",
                description = "Not below the wins already counted.") Integer totalWinBudget,
        @Schema(nullable = true) Instant validFrom,
        @Schema(nullable = true, description = "Set it to end the game.") Instant validTo) {
}
