package io.loyalty.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "LoyaltySummary", description = "Everything a storefront needs to render a customer's loyalty account page.")
public record LoyaltySummary(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) List<ProgrammeSummary> programmes,
        @Schema(required = true) Instant asOf) {

    @Schema(name = "ProgrammeLoyalty")
    public record ProgrammeSummary(
            @Schema(required = true) UUID programmeId,
            @Schema(required = true) String programmeName,
            @Schema(required = true) BalanceResponse points,
            @Schema(required = true) List<StampCard> stampCards,
            @Schema(required = true, description = "Rewards earned and not yet used (completed stamp cards).")
            List<Entitlement> entitlements,
            @Schema(nullable = true, description = "Tier, progress to the next, and what keeps the current one; null "
                    + "when the programme has no tiers.") io.loyalty.tier.TierSummary tier,
            @Schema(nullable = true, description = "Null when the programme has no fee.")
            io.loyalty.tier.PaidSummary paidMembership,
            @Schema(required = true, example = "[\"free_shipping\", \"lounge_access\"]", description = "Benefits the "
                    + "member has now (tier and paid membership), for the storefront to apply.") List<String> benefits) {
    }

    @Schema(name = "StampCard")
    public record StampCard(String ruleId, String name, int onCard, int required, int completed, String reward,
                            @Schema(example = "0", description = "Stamps owed after returns took back stamps that had "
                                    + "already completed a card; the next stamps earned pay them first.") int debt) {
    }

    @Schema(name = "Entitlement")
    public record Entitlement(UUID id, String ruleId, String reward, UUID orderId, Instant earnedAt) {
    }
}
