package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What a programme did in a period and whether its members out-buy comparable non-members (METRICS.md, Programmes). */
@Schema(name = "ProgrammeMetrics")
public record ProgrammeMetrics(
        @Schema(required = true, description = "`currency` is the orders' currency of the revenue comparison: the "
                + "programme's unless the request named another.") MetricsInputs inputs,
        @Schema(required = true) Programme programme,
        @Schema(required = true, description = "Active memberships at `to` (joined before it, not ended before it).",
                example = "812") long members,
        @Schema(required = true, description = "Memberships that started in the period.", example = "40") long joins,
        @Schema(required = true, description = "Memberships that ended in the period (and are still ended).", example = "3")
        long leaves,
        @Schema(required = true) Points points,
        @Schema(required = true, description = "redeemed / issued (REDEEM over EARN points of the period).") Rate redemptionRate,
        @Schema(required = true, description = "expired / issued (EXPIRE over EARN points of the period).") Rate realisedBreakage,
        @Schema(required = true, description = "Points held at `to`: the sum over memberships of their positive ledger "
                + "balance, pending points included.", example = "120400") long outstandingPoints,
        @Schema(required = true, description = "Points owed at `to` by memberships whose balance is negative (spent "
                + "points reversed by returns); not netted against the liability.", example = "120") long pointsOwed,
        @Schema(required = true, description = "outstandingPoints x pointValue, in the programme's currency.",
                example = "30100.00") BigDecimal liability,
        @Schema(required = true, description = "The programme's currency.", example = "INR") String currency,
        @Schema(required = true) Comparison membersVersusNonMembers,
        @Schema(required = true) RewardCost rewardCost) {

    @Schema(name = "ProgrammeMetricsProgramme")
    public record Programme(@Schema(required = true) UUID id, @Schema(required = true) String name,
                            @Schema(required = true, example = "CUMULATIVE") String kind,
                            @Schema(required = true, example = "INR") String currency,
                            @Schema(required = true, example = "0.25") BigDecimal pointValue) {
    }

    @Schema(name = "ProgrammePoints", description = "Ledger points whose business time (occurredAt) is in the period, "
            + "as positive numbers. Adjustments and refunds of cancelled or expired codes are reported apart and "
            + "enter no rate.")
    public record Points(@Schema(required = true, description = "EARN") long issued,
                         @Schema(required = true, description = "REDEEM") long redeemed,
                         @Schema(required = true, description = "EXPIRE") long expired,
                         @Schema(required = true, description = "REVERSE (returns)") long reversed,
                         @Schema(required = true, description = "REFUND (redemptions cancelled or expired)") long refunded,
                         @Schema(required = true, description = "Positive ADJUST") long adjustedUp,
                         @Schema(required = true, description = "Negative ADJUST") long adjustedDown) {
    }

    @Schema(name = "ProgrammeComparison", description = "Customers segmented by RFM as of `from` (their counted orders "
            + "before it); a member is a customer whose membership was active at `from`. Revenue is their net "
            + "revenue of counted orders in [from, to).")
    public record Comparison(
            @Schema(required = true, example = "INR") String currency,
            @Schema(required = true) List<SegmentComparison> segments,
            @Schema(required = true, description = "Members in segments that also have non-members, the weights.",
                    example = "640") long membersCompared,
            @Schema(nullable = true, required = true, description = "Sum over those segments of members x (revenue per "
                    + "member - revenue per non-member), divided by membersCompared: how much more a member bought "
                    + "than a comparable non-member. Null when no segment has both.", example = "152.3050")
            BigDecimal weightedUplift,
            @Schema(nullable = true, required = true, description = "The same difference over what the members would "
                    + "have bought at their segments' non-member rates; null when that is 0.", example = "0.183200")
            BigDecimal relativeUplift) {
    }

    @Schema(name = "ProgrammeSegmentComparison")
    public record SegmentComparison(
            @Schema(required = true, example = "Champions") String segment,
            @Schema(required = true) long members,
            @Schema(required = true) long nonMembers,
            @Schema(required = true) BigDecimal memberRevenue,
            @Schema(required = true) BigDecimal nonMemberRevenue,
            @Schema(nullable = true, required = true, description = "Null without members.") BigDecimal revenuePerMember,
            @Schema(nullable = true, required = true, description = "Null without non-members.") BigDecimal revenuePerNonMember,
            @Schema(nullable = true, required = true, description = "revenuePerMember - revenuePerNonMember; null unless both.")
            BigDecimal uplift) {
    }

    @Schema(name = "ProgrammeRewardCost", description = "Points redeemed (REDEEM) in the period valued at the point "
            + "value, by the RFM segment of the redeeming customer as of `from`.")
    public record RewardCost(
            @Schema(required = true, description = "Every segment in the table's order.") List<SegmentCost> segments,
            @Schema(required = true, description = "Redeemed by customers without a counted order before `from`.")
            SegmentCost unsegmented,
            @Schema(required = true) long points,
            @Schema(required = true, description = "In the programme's currency.") BigDecimal value,
            @Schema(required = true, description = "Points (so value) redeemed by Champions and Loyal Customers over all "
                    + "points redeemed.") Rate championsAndLoyalShare) {
    }

    @Schema(name = "ProgrammeSegmentCost")
    public record SegmentCost(@Schema(required = true, example = "Champions") String segment,
                              @Schema(required = true) long points,
                              @Schema(required = true) BigDecimal value) {
    }
}
