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
        @Schema(required = true) RewardCost rewardCost,
        @Schema(nullable = true, required = true, description = "Null unless the programme has a membership fee (or "
                + "payments of one it had).") PaidMembership paidMembership,
        @Schema(nullable = true, required = true, description = "Null unless the programme has coalition partners.")
        Coalition coalition) {

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

    @Schema(name = "ProgrammePaidMembership", description = """
            Fees (kind 3). Money moves when it is paid or refunded: revenue is the payments made (`paidAt`) in \
            [from, to) minus the refunds made (`refundedAt`) in it, in the fee's currency. A paid period is what one \
            payment covers, as it stands now (cut short by a refund or by a cancellation in effect); it ends at its \
            end, and is renewed when a payment made by then (grace 0) covers the time from that instant on.""")
    public record PaidMembership(
            @Schema(required = true, example = "INR") String currency,
            @Schema(required = true, description = "Payments made in the period.", example = "120") long payments,
            @Schema(required = true, description = "Their amounts.", example = "119880.00") BigDecimal paid,
            @Schema(required = true, description = "Refunds made in the period (of payments of any time).", example = "2")
            long refunds,
            @Schema(required = true, description = "Their amounts.", example = "1998.00") BigDecimal refunded,
            @Schema(required = true, description = "paid - refunded.", example = "117882.00") BigDecimal feeRevenue,
            @Schema(required = true, description = "Paid periods that ended in [from, to): numerator, those renewed "
                    + "without a gap; denominator, all of them (a member with a monthly fee counts each month).")
            Rate renewalRate,
            @Schema(required = true, description = "Paid periods that ended in the period unrenewed.", example = "9")
            long lapses,
            @Schema(required = true, description = "Members with a paid period ended unrenewed in the period and "
                    + "nothing paid at `to` (a member who lapsed and paid again later is not lapsed).", example = "7")
            long lapsedMembers,
            @Schema(required = true, description = "Members whose paid time covers `to` (started before it, not ended "
                    + "before it).", example = "610") long paidMembers) {
    }

    @Schema(name = "ProgrammeCoalition", description = """
            Coalition partners (kind 5): ledger points whose occurredAt is in [from, to), by the partner each entry \
            is settled with: the one the order was placed with (EARN, REVERSE) or the redemption made at (REDEEM, \
            REFUND). Reversals and refunds are reported beside, never netted.""")
    public record Coalition(
            @Schema(required = true, description = "Every partner of the programme, by name.") List<PartnerPoints> partners,
            @Schema(required = true, description = "The operator's own: orders and redemptions without a partner.")
            PartnerPoints operator,
            @Schema(required = true, description = "Points redeemed with partners that were earned with someone else "
                    + "(another partner or the operator) over the points redeemed with partners, tracing each redeemed "
                    + "point to the EARN entry it was drawn from (the ledger's allocation of the debit to lots).")
            Rate redeemedElsewhere,
            @Schema(required = true, description = "Points redeemed with partners drawn from lots that are not EARN "
                    + "entries (refunds of cancelled redemptions, adjustments): no issuer, so outside the rate.",
                    example = "0") long untracedRedeemed) {
    }

    @Schema(name = "ProgrammePartnerPoints")
    public record PartnerPoints(@Schema(nullable = true, required = true, description = "Null for the operator.") UUID id,
                                @Schema(nullable = true, required = true) String name,
                                @Schema(required = true, description = "EARN on its orders") long issued,
                                @Schema(required = true, description = "REVERSE (returns of its orders)") long reversed,
                                @Schema(required = true, description = "REDEEM at it") long redeemed,
                                @Schema(required = true, description = "REFUND (its redemptions cancelled or expired)")
                                long refunded) {
    }
}
