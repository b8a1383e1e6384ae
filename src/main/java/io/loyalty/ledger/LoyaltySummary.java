package io.loyalty.ledger;

import io.loyalty.customer.PromotionPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "LoyaltySummary", description = "Everything a storefront needs to render a customer's loyalty account page.")
public record LoyaltySummary(
        @Schema(required = true) UUID customerId,
        @Schema(required = true) List<ProgrammeSummary> programmes,
        @Schema(required = true, example = "true", description = "false while the customer has an unresolved incident "
                + "(a complaint or a bottom score): after a bad experience, repair first and promote later. Earning "
                + "and redeeming keep working.") boolean promotionsAllowed,
        @Schema(nullable = true, description = "Why promotions are withheld; null when they are allowed.")
        PromotionPolicy.Suppression promotionsSuppressed,
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
                    + "member has now (tier and paid membership), for the storefront to apply.") List<String> benefits,
            @Schema(required = true, description = "Challenges running now, with the customer's progress in the current "
                    + "period; empty while promotions are withheld from the customer.")
            List<Challenge> challenges) {
    }

    @Schema(name = "StampCard")
    public record StampCard(String ruleId, String name, int onCard, int required, int completed, String reward,
                            @Schema(example = "0", description = "Stamps owed after returns took back stamps that had "
                                    + "already completed a card; the next stamps earned pay them first.") int debt) {
    }

    @Schema(name = "ChallengeProgress")
    public record Challenge(
            @Schema(required = true) UUID challengeId,
            @Schema(required = true, example = "Three orders this month") String name,
            @Schema(required = true, example = "ORDERS", description = "ORDERS, SPEND or CATEGORIES.") String goal,
            @Schema(required = true, example = "3") java.math.BigDecimal target,
            @Schema(required = true, example = "2") java.math.BigDecimal progress,
            @Schema(required = true, example = "2026-11") String period,
            @Schema(nullable = true, description = "Start of the period (the challenge's start for WINDOW).") Instant periodStart,
            @Schema(nullable = true, description = "End of the period, exclusive (the challenge's end for WINDOW).") Instant periodEnd,
            @Schema(nullable = true, description = "When the customer completed it in this period.") Instant completedAt,
            @Schema(nullable = true, description = "The reward paid on completion.") UUID prizeRewardId,
            @Schema(nullable = true, example = "200", description = "The bonus points paid on completion.") Long prizePoints) {
    }

    @Schema(name = "Entitlement")
    public record Entitlement(UUID id, String ruleId, String reward, UUID orderId, Instant earnedAt) {
    }
}
