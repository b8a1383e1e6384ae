package io.loyalty.tier;

import io.loyalty.programme.MembershipFee;
import io.loyalty.programme.Programme;
import io.loyalty.programme.TierScheme;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paid time: extension, lapse, refund, cancellation, and what a standing makes of it. */
class PaidPeriodsTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final MembershipFee YEARLY = new MembershipFee(new BigDecimal("999"), "INR", "P1Y",
            new BigDecimal("1.5"), List.of("free_shipping"));

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void aPaymentExtendsFromTheEndOfThePaidTimeOrStartsAfterALapse() {
        assertEquals(t("2026-01-10T00:00:00Z"), PaidPeriods.nextStart(List.of(), null, t("2026-01-10T00:00:00Z")));
        List<PaidPeriods.Cover> paid = List.of(new PaidPeriods.Cover(t("2026-01-10T00:00:00Z"), t("2027-01-10T00:00:00Z")));
        assertEquals(t("2027-01-10T00:00:00Z"), PaidPeriods.nextStart(paid, null, t("2026-12-01T00:00:00Z")),
                "renewing early adds a year to the paid time");
        assertEquals(t("2027-03-01T00:00:00Z"), PaidPeriods.nextStart(paid, null, t("2027-03-01T00:00:00Z")),
                "after a lapse the new year starts at payment");
        assertEquals(t("2027-10-10T00:00:00Z"), YEARLY.periodEnd(t("2026-10-10T00:00:00Z"), UTC));
        MembershipFee monthly = new MembershipFee(BigDecimal.TEN, "INR", "P1M", null, null);
        assertEquals(t("2026-02-28T00:00:00Z"), monthly.periodEnd(t("2026-01-31T00:00:00Z"), UTC),
                "a month from 31 January ends on the last day of February");
    }

    @Test
    void aCancellationStopsPaidTimeAndAPaymentRenewsPastIt() {
        List<PaidPeriods.Cover> paid = List.of(new PaidPeriods.Cover(t("2026-01-01T00:00:00Z"), t("2027-01-01T00:00:00Z")));
        Instant cancelAt = t("2026-06-01T00:00:00Z");
        assertTrue(PaidPeriods.paidAt(paid, cancelAt, t("2026-05-31T23:59:59Z")));
        assertFalse(PaidPeriods.paidAt(paid, cancelAt, cancelAt));
        assertEquals(cancelAt, PaidPeriods.paidUntil(paid, cancelAt));
        assertEquals(t("2027-01-01T00:00:00Z"), PaidPeriods.nextStart(paid, cancelAt, t("2026-05-01T00:00:00Z")),
                "paying before the cancellation takes effect withdraws it: the paid time goes on");
        assertEquals(t("2026-07-01T00:00:00Z"), PaidPeriods.nextStart(paid, cancelAt, t("2026-07-01T00:00:00Z")),
                "paying after it took effect starts afresh");
    }

    @Test
    void aRefundEndsThePeriodItsPaymentBought() {
        PaidPeriods.Cover first = new PaidPeriods.Cover(t("2026-01-01T00:00:00Z"), t("2027-01-01T00:00:00Z"));
        PaidPeriods.Cover second = new PaidPeriods.Cover(t("2027-01-01T00:00:00Z"), t("2028-01-01T00:00:00Z"));
        assertEquals(t("2026-03-01T00:00:00Z"), PaidPeriods.refundedEnd(first, t("2026-03-01T00:00:00Z")));
        assertEquals(second.from(), PaidPeriods.refundedEnd(second, t("2026-03-01T00:00:00Z")),
                "a period still to come never starts");
        assertEquals(first.to(), PaidPeriods.refundedEnd(first, t("2030-01-01T00:00:00Z")), "a used period stays as it was");

        List<PaidPeriods.Cover> secondRefunded = List.of(first, new PaidPeriods.Cover(second.from(), second.from()));
        assertEquals(t("2027-01-01T00:00:00Z"), PaidPeriods.paidUntil(secondRefunded, null));
        List<PaidPeriods.Cover> firstRefunded = List.of(new PaidPeriods.Cover(first.from(), t("2026-03-01T00:00:00Z")), second);
        assertFalse(PaidPeriods.paidAt(firstRefunded, null, t("2026-06-01T00:00:00Z")), "a gap until the second year");
        assertTrue(PaidPeriods.paidAt(firstRefunded, null, t("2027-06-01T00:00:00Z")));
        assertNull(PaidPeriods.paidUntil(List.of(new PaidPeriods.Cover(first.from(), first.from())), null));
    }

    @Test
    void aLapsedMemberLosesPaidBenefitsMultipliersAndPaidOnlyTiers() {
        Programme p = new Programme();
        p.timezone = "UTC";
        p.fee = YEARLY;
        p.tiers = new TierScheme(TierScheme.Basis.POINTS, TierScheme.Window.CALENDAR_YEAR, null, null, null, List.of(
                new TierScheme.Tier("Red", BigDecimal.ZERO, null, List.of("newsletter"), null),
                new TierScheme.Tier("Prime Gold", new BigDecimal("100"), BigDecimal.valueOf(2), List.of("lounge_access"), true)));
        MemberStatus s = new MemberStatus();
        s.tier = "Prime Gold";
        List<PaidPeriods.Cover> covers = List.of(new PaidPeriods.Cover(t("2026-01-01T00:00:00Z"), t("2027-01-01T00:00:00Z")));

        Standing paid = Standing.of(p, s, covers, t("2026-06-01T00:00:00Z"));
        assertTrue(paid.paid());
        assertEquals("Prime Gold", paid.benefitTier());
        assertEquals(0, new BigDecimal("3").compareTo(paid.multiplier()), "2 (tier) x 1.5 (fee)");
        assertEquals(List.of("lounge_access", "free_shipping"), paid.benefits());
        assertTrue(paid.atLeast(p.tiers, "Prime Gold"));

        Standing lapsed = Standing.of(p, s, covers, t("2027-02-01T00:00:00Z"));
        assertFalse(lapsed.paid());
        assertEquals("Prime Gold", lapsed.tier(), "the tier is kept");
        assertEquals("Red", lapsed.benefitTier(), "but its benefits need the fee");
        assertEquals(0, BigDecimal.ONE.compareTo(lapsed.multiplier()));
        assertEquals(List.of("newsletter"), lapsed.benefits());
        assertFalse(lapsed.atLeast(p.tiers, "Prime Gold"));
        assertFalse(lapsed.atLeast(p.tiers, "Platinum"), "an unknown tier admits nobody");
    }
}
