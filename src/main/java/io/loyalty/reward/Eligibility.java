package io.loyalty.reward;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who may redeem a reward, beyond having the points. Stored as JSON on the reward so that the criteria
 * of later programme kinds (tiers, paid membership) are new fields, not a new table.
 */
@RegisterForReflection
@Schema(name = "RewardEligibility", description = """
        All criteria must hold. `minTier` and `paidMembersOnly` are accepted now and enforced as soon as tiers \
        and paid membership exist; until then no customer has a tier or a paid membership, so a reward that \
        requires one is listed as not eligible.""")
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
