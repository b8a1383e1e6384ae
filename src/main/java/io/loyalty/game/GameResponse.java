package io.loyalty.game;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "Game")
public record GameResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID programmeId,
        @Schema(required = true, example = "Free dessert") String name,
        @Schema(required = true, example = "10.00") BigDecimal minAmount,
        @Schema(nullable = true, example = "mains") String category,
        @Schema(required = true, example = "0.25") BigDecimal probability,
        @Schema(required = true) PrizeRequest prize,
        @Schema(nullable = true, example = "50") Integer dailyWinBudget,
        @Schema(nullable = true, example = "1000") Integer totalWinBudget,
        @Schema(required = true, example = "12", description = "Prizes won so far (the total budget's counter).") int wins,
        @Schema(nullable = true) Instant validFrom,
        @Schema(nullable = true) Instant validTo,
        @Schema(required = true) Instant createdAt) {

    static GameResponse from(Game g) {
        return new GameResponse(g.id, g.programmeId, g.name, g.minAmount, g.category, g.probability,
                new PrizeRequest(g.prizeRewardId, g.prizePoints), g.dailyWinBudget, g.totalWinBudget, g.wins,
                g.validFrom, g.validTo, g.createdAt);
    }
}
