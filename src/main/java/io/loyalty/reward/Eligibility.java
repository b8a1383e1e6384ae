package io.loyalty.reward;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who may redeem a reward, beyond having the points. Stored as JSON on the reward so that the criteria
 * of later programme kinds (tiers, paid membership) are new fields, not a new table.
 */
@RegisterForReflection
@Schema(name = "RewardEligibility", description = """
        All criteria must hold. `minTier`: the member's tier (a pinned one counts; a paid-only tier counts only \
        while paid) is this one of the programme's tiers or above; a name the programme has no tier of admits \
        nobody. `paidMembersOnly`: the member's paid membership is current (paid, not lapsed, refunded or \
        cancelled).""")
public record Eligibility(
        @Schema(nullable = true, example = "1000",
                description = "Points the customer must have earned in the programme over their lifetime.")
        Long minLifetimePoints,
        @Schema(nullable = true, example = "GOLD", description = "Lowest tier that may redeem.") String minTier,
        @Schema(nullable = true, example = "false", description = "Only customers with a paid membership.")
        Boolean paidMembersOnly) {

    public static Eligibility none() {
        return new Eligibility(null, null, null);
    }
}
