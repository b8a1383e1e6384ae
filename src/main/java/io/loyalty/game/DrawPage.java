package io.loyalty.game;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "GameDrawPage", description = "One page of a game's draws, oldest first, and totals over all of them.")
public record DrawPage(
        @Schema(required = true) List<DrawResponse> items,
        @Schema(nullable = true, example = "AZNrZV3Yd9SJ7m5Cu6mZkw",
                description = "Pass as `after` for the next page; null on the last page.") String nextCursor,
        @Schema(required = true) Totals totals) {

    @Schema(name = "GameDrawTotals", description = "Over every draw of the game, whatever the page and filter.")
    public record Totals(
            @Schema(required = true, example = "10000") long draws,
            @Schema(required = true, example = "2497") long won,
            @Schema(required = true, example = "7503") long lost,
            @Schema(required = true, example = "0", description = "Winning rolls refused because a budget was spent.")
            long budgetSpent,
            @Schema(required = true, example = "0") long prizeUnavailable,
            @Schema(required = true, example = "3", description = "Won prizes a return took back.") long revoked,
            @Schema(nullable = true, example = "0.2497", description = "won / draws; null with no draws.")
            BigDecimal observedWinRate,
            @Schema(required = true, example = "0.25", description = "The game's configured probability.")
            BigDecimal probability,
            @Schema(required = true, example = "0", description = "Bonus points won in all.") long pointsWon) {
    }
}
