package io.loyalty.reward;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CustomerReward", description = "A reward seen from one customer's account: can they redeem it now, "
        + "and if not, what stands in the way (points still needed first).")
public record CustomerReward(
        @Schema(required = true) RewardResponse reward,
        @Schema(required = true, example = "420", description = "The customer's spendable points in the reward's programme.")
        long availablePoints,
        @Schema(required = true, example = "80", description = "Points still needed; 0 when the customer has enough.")
        long pointsNeeded,
        @Schema(required = true) boolean redeemableNow,
        @Schema(required = true, description = "Empty when redeemable now.") List<Blocker> blockers) {

    @Schema(name = "RewardBlocker")
    public record Blocker(
            @Schema(required = true, example = "INSUFFICIENT_POINTS",
                    enumeration = {"INSUFFICIENT_POINTS", "POINTS_DEBT", "OUT_OF_STOCK", "LIMIT_REACHED", "NOT_ELIGIBLE"})
            String code,
            @Schema(required = true, example = "80 more points needed") String message) {
    }
}
