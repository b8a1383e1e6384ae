package io.loyalty.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Referral", description = "A customer brought by another, and the bonus status of the referral.")
public record ReferralResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID referrerId,
        @Schema(required = true) UUID referredCustomerId,
        @Schema(required = true, example = "ASHA7K2Q") String code,
        @Schema(required = true, example = "PENDING", description = "PENDING until the referred customer's first order "
                + "can no longer be returned (the programme's pending period is over); CONVERTED when the bonuses were "
                + "paid; LOST when that order was returned, or the referred customer was erased first.") Referral.Status status,
        @Schema(nullable = true) UUID firstOrderId,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) Instant settledAt,
        @Schema(required = true, description = "Per programme with a referral bonus, what was paid.") List<Bonus> bonuses) {

    @Schema(name = "ReferralBonusPaid")
    public record Bonus(
            @Schema(required = true) UUID programmeId,
            @Schema(required = true, example = "500", description = "0 when the referrer's cap was reached, or the referrer "
                    + "was erased before the bonus was paid.")
            long referrerPoints,
            @Schema(required = true, description = "The referrer had reached the programme's cap for the period.")
            boolean capped,
            @Schema(required = true, example = "200") long newcomerPoints,
            @Schema(nullable = true, description = "The reward given to the newcomer, when the programme's rule names one.")
            Reward newcomerReward,
            @Schema(required = true) Instant paidAt) {
    }

    @Schema(name = "ReferralNewcomerReward", description = "The catalogue reward of a referral bonus, given once with it.")
    public record Reward(
            @Schema(required = true) UUID rewardId,
            @Schema(required = true, example = "GRANTED", description = "GRANTED (see `redemptionId` for its code) or "
                    + "UNAVAILABLE: the reward was out of stock or out of pooled codes when the bonus was paid; the points "
                    + "were paid, the reward is not retried (an admin may grant it with POST /customers/{id}/grants).")
            Status status,
            @Schema(nullable = true, description = "The redemption issued to the newcomer (origin REFERRAL), when GRANTED.")
            UUID redemptionId,
            @Schema(nullable = true, example = "Out of stock (or of pooled codes) when the bonus was paid",
                    description = "Why the reward could not be given.") String note) {

        @Schema(name = "ReferralRewardStatus")
        public enum Status {
            GRANTED, UNAVAILABLE
        }
    }
}
