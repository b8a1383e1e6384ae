package io.loyalty.referral;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralBonusRule", description = "What a programme pays when a referred customer's first order can "
        + "no longer be returned: points to the referrer and to the newcomer, and a cap on the referrer's bonuses.")
public record ReferralBonusRuleRequest(
        @NotNull @Min(0) @Max(100_000_000) @Schema(required = true, example = "500") Long referrerPoints,
        @NotNull @Min(0) @Max(100_000_000) @Schema(required = true, example = "200") Long newcomerPoints,
        @Min(1) @Max(1_000_000) @Schema(nullable = true, example = "5",
                description = "At most this many referrer bonuses per period; beyond, the newcomer is still paid and "
                        + "the referrer is not. Null: no cap.") Integer capPerReferrer,
        @Schema(example = "MONTH", description = "The period of the cap, in the programme's time zone. Default MONTH.")
        ReferralBonusRule.CapPeriod capPeriod) {
}
