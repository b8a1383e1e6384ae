package io.loyalty.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "ReferralBonusRun", description = "What one run of the referral bonus job did.")
public record BonusRunResponse(
        @Schema(required = true) Instant asOf,
        @Schema(required = true, example = "12", description = "Pending referrals looked at.") int examined,
        @Schema(required = true, example = "3") int converted,
        @Schema(required = true, example = "1") int lost,
        @Schema(required = true, example = "6", description = "Bonus credits made (referrer and newcomer count one each).")
        int credits,
        @Schema(required = true, example = "2", description = "Rewards granted to newcomers.") int rewardsGranted,
        @Schema(required = true, example = "0", description = "Newcomer rewards that could not be given (out of stock "
                + "or of pooled codes); the points of those bonuses were paid.") int rewardsUnavailable) {
}
