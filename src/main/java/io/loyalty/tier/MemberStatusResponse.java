package io.loyalty.tier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Schema(name = "MemberStatus", description = "A member's tier and paid membership in one programme, and what they give now.")
public record MemberStatusResponse(
        @Schema(required = true) UUID programmeId,
        @Schema(required = true) UUID customerId,
        @Schema(nullable = true, description = "Null when the programme has no tiers.") TierSummary tier,
        @Schema(nullable = true, description = "Null when the programme has no fee.") PaidSummary paidMembership,
        @Schema(required = true, example = "[\"free_shipping\", \"lounge_access\"]",
                description = "Every benefit the member has now: their tier's and, while paid, the fee's.") List<String> benefits,
        @Schema(required = true, example = "2", description = "What orders earn at now: the tier's multiplier times, "
                + "while paid, the fee's.") BigDecimal earnMultiplier) {
}
