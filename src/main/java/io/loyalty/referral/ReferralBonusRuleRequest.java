package io.loyalty.referral;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "ReferralBonusRule", description = "What a programme pays when a referred customer's first order can "
        + "no longer be returned: points to the referrer; points, a reward of the programme's catalogue, or both to the "
        + "newcomer; and a cap on the referrer's bonuses.")
public record ReferralBonusRuleRequest(
        @NotNull @Min(0) @Max(100_000_000) @Schema(required = true, example = "500") Long referrerPoints,
        @Min(0) @Max(100_000_000) @Schema(example = "200", description = "Points for the newcomer; default 0.")
        Long newcomerPoints,
        @Schema(nullable = true, example = "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71",
                description = "A reward of this programme's catalogue granted to the newcomer (one unit of stock, a code), "
                        + "besides or instead of `newcomerPoints`. Should it be out of stock (or out of pooled codes) when "
                        + "the bonus is paid, the points are still paid and the reward is recorded UNAVAILABLE with the "
                        + "reason, never retried: an admin may grant it by hand. Null: no reward.")
        UUID newcomerRewardId,
        @Min(1) @Max(1_000_000) @Schema(nullable = true, example = "5",
                description = "At most this many referrer bonuses per period; beyond, the newcomer is still paid and "
                        + "the referrer is not. Null: no cap.") Integer capPerReferrer,
        @Schema(example = "MONTH", description = "The period of the cap, in the programme's time zone. Default MONTH.")
        ReferralBonusRule.CapPeriod capPeriod) {
}
