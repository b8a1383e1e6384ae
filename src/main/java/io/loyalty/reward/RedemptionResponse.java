package io.loyalty.reward;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Redemption", description = "A reward handed to a customer and its code.")
public record RedemptionResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID rewardId,
        @Schema(required = true, example = "₹50 off your next order") String rewardName,
        @Schema(required = true) RewardType rewardType,
        @Schema(required = true) UUID programmeId,
        @Schema(required = true) UUID customerId,
        @Schema(nullable = true) UUID partnerId,
        @Schema(required = true) RedemptionOrigin origin,
        @Schema(nullable = true) String reason,
        @Schema(required = true, example = "K7QH-M3XR-9TWD-PB4N",
                description = "Show it to the customer; checkout validates it with GET /redemptions?code=.") String code,
        @Schema(required = true, example = "500", description = "Points spent on it.") long points,
        @Schema(required = true) RedemptionStatus status,
        @Schema(nullable = true, description = "When an unused code expires.") Instant expiresAt,
        @Schema(required = true, description = "Whether the code can be used at checkout now.") boolean usableNow,
        @Schema(nullable = true, example = "already used on order web-100234",
                description = "Why it cannot be used now, when it cannot.") String notUsableBecause,
        @Schema(nullable = true) UUID usedOrderId,
        @Schema(nullable = true) String usedOrderExternalId,
        @Schema(required = true, example = "750",
                description = "The customer's points balance in the programme after this redemption or transition.")
        long balance,
        @Schema(required = true) List<Transition> transitions,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    @Schema(name = "RedemptionTransition", description = "A status the redemption went through.")
    public record Transition(
            @Schema(required = true) RedemptionStatus status,
            @Schema(required = true, example = "0", description = "Points given back by this transition.") long pointsRefunded,
            @Schema(nullable = true, example = "500 points refunded; 0 forfeited (their expiry had passed)") String detail,
            @Schema(nullable = true) UUID apiKeyId,
            @Schema(required = true) Instant at) {
    }
}
