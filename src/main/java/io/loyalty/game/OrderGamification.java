package io.loyalty.game;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an order's games and challenges gave, as answered when it was posted. Stored with the order
 * ({@code orders.gamification}) and replayed verbatim, so a replay of the order answers the same draw: a
 * stored format, whose property names must stay as they are.
 */
@RegisterForReflection
@Schema(name = "OrderGamification", description = "The instant-win games the order played and the challenges it "
        + "advanced. Null when no game or challenge of the customer's programmes was running.")
public record OrderGamification(
        @Schema(required = true) List<Draw> draws,
        @Schema(required = true) List<Step> challenges,
        @Schema(nullable = true, example = "OPEN_INCIDENT", description = "Set when promotions are withheld from the "
                + "customer (an unresolved complaint): the order played no game and made no challenge progress.")
        String suppressed) {

    @RegisterForReflection
    @Schema(name = "GameDrawResult")
    public record Draw(
            @Schema(required = true) UUID drawId,
            @Schema(required = true) UUID gameId,
            @Schema(required = true, example = "Free dessert") String gameName,
            @Schema(required = true, example = "0.25") BigDecimal probability,
            @Schema(required = true) DrawOutcome outcome,
            @Schema(nullable = true, description = "What was won; null unless WON.") Prize prize) {
    }

    @RegisterForReflection
    @Schema(name = "Prize", description = "A catalogue reward (with its redemption and code) or bonus points.")
    public record Prize(
            @Schema(nullable = true) UUID rewardId,
            @Schema(nullable = true) UUID redemptionId,
            @Schema(nullable = true, example = "K7QX-M2PA") String code,
            @Schema(nullable = true, example = "100") Long points) {
    }

    @RegisterForReflection
    @Schema(name = "ChallengeStep")
    public record Step(
            @Schema(required = true) UUID challengeId,
            @Schema(required = true, example = "Three orders this month") String name,
            @Schema(required = true, example = "2026-11") String period,
            @Schema(required = true, example = "2") BigDecimal progress,
            @Schema(required = true, example = "3") BigDecimal target,
            @Schema(required = true, description = "This order completed the challenge.") boolean completed,
            @Schema(nullable = true, description = "The prize paid on completion.") Prize prize) {
    }
}
