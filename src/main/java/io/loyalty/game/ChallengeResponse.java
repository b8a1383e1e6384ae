package io.loyalty.game;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "Challenge")
public record ChallengeResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID programmeId,
        @Schema(required = true, example = "Three orders this month") String name,
        @Schema(required = true) ChallengeRules.Goal goal,
        @Schema(required = true, example = "3") BigDecimal target,
        @Schema(required = true) ChallengeRules.Period period,
        @Schema(required = true) PrizeRequest prize,
        @Schema(nullable = true) Instant validFrom,
        @Schema(nullable = true) Instant validTo,
        @Schema(required = true) Instant createdAt) {

    static ChallengeResponse from(Challenge c) {
        return new ChallengeResponse(c.id, c.programmeId, c.name, c.goal, c.target, c.period,
                new PrizeRequest(c.prizeRewardId, c.prizePoints), c.validFrom, c.validTo, c.createdAt);
    }
}
