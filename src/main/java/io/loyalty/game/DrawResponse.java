package io.loyalty.game;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "GameDraw", description = "One order's play of a game, as recorded when it was drawn.")
public record DrawResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID gameId,
        @Schema(required = true) UUID orderId,
        @Schema(required = true) UUID customerId,
        @Schema(required = true, example = "0.25", description = "The probability the draw was made with.")
        BigDecimal probability,
        @Schema(required = true, example = "183402", description = "The secure random roll, 0 to 999999; it wins "
                + "when under probability x 1,000,000.") int roll,
        @Schema(required = true) DrawOutcome outcome,
        @Schema(nullable = true) UUID prizeRewardId,
        @Schema(nullable = true, example = "100") Long prizePoints,
        @Schema(nullable = true, description = "The redemption issued as the prize.") UUID redemptionId,
        @Schema(nullable = true, description = "The ledger entry that credited the bonus points.") UUID ledgerEntryId,
        @Schema(nullable = true, description = "When a full return of the order took the unused prize back.")
        Instant revokedAt,
        @Schema(nullable = true, example = "reward cancelled (unused)") String revoked,
        @Schema(required = true) Instant drawnAt) {

    static DrawResponse from(GameDraw d) {
        return new DrawResponse(d.id, d.gameId, d.orderId, d.customerId, d.probability, d.roll, d.outcome,
                d.prizeRewardId, d.prizePoints, d.redemptionId, d.ledgerEntryId, d.revokedAt, d.revoked, d.drawnAt);
    }
}
