package io.loyalty.demo;

import io.loyalty.programme.EarningRule;
import io.loyalty.programme.Enrolment;
import io.loyalty.programme.ExpiryPolicy;
import io.loyalty.programme.MembershipFee;
import io.loyalty.programme.ProgrammeKind;
import io.loyalty.programme.ProgrammeRequest;
import io.loyalty.programme.ProgrammeService;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.programme.TierScheme;
import io.loyalty.security.Caller;
import io.loyalty.tier.PaymentRequest;
import io.loyalty.tier.PaymentService;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static io.loyalty.demo.DemoBuilders.rule;

/**
 * The demo programmes of kinds 2 and 3 of the digest: a tiered club from Red to Gold (Virgin's), created before the
 * demo orders so that their history earns the tiers, and a paid yearly membership (Amazon Prime's).
 */
final class DemoTiers {
    static final String TIERED = "Flying Club (Red to Gold)";
    static final String PAID = "Prime (yearly fee)";

    private DemoTiers() {
    }

    /** @return the id of the paid programme */
    static UUID programmes(ProgrammeService programmes) {
        TierScheme tiers = new TierScheme(TierScheme.Basis.SPEND, TierScheme.Window.ROLLING, 12,
                TierScheme.Downgrade.ONE_LEVEL, 30, List.of(
                new TierScheme.Tier("Red", BigDecimal.ZERO, null, null, null),
                new TierScheme.Tier("Silver", new BigDecimal("1500"), new BigDecimal("1.5"), List.of("free_shipping"), null),
                new TierScheme.Tier("Gold", new BigDecimal("4000"), BigDecimal.valueOf(2),
                        List.of("free_shipping", "lounge_access"), null)));
        programmes.create(new ProgrammeRequest(TIERED, ProgrammeKind.CUMULATIVE, ProgrammeStatus.ACTIVE, "INR",
                new BigDecimal("0.25"), Enrolment.AUTOMATIC, "Asia/Kolkata", 0, ExpiryPolicy.never(),
                List.of(rule("miles", EarningRule.Type.SPEND, "1 mile per 10 rupees").pointsPerUnit(new BigDecimal("0.1"))
                        .build()), tiers, null));
        MembershipFee fee = new MembershipFee(new BigDecimal("999.00"), "INR", "P1Y", BigDecimal.valueOf(2),
                List.of("free_express_shipping", "early_access"));
        return programmes.create(new ProgrammeRequest(PAID, ProgrammeKind.CUMULATIVE, ProgrammeStatus.ACTIVE, "INR",
                new BigDecimal("0.25"), Enrolment.OPT_IN, "Asia/Kolkata", 0, ExpiryPolicy.never(),
                List.of(rule("spend", EarningRule.Type.SPEND, "1 point per 20 rupees, double for members")
                        .pointsPerUnit(new BigDecimal("0.05")).build()), null, fee)).id();
    }

    /** The first demo customer pays the yearly fee. */
    static void payments(PaymentService payments, UUID paid, UUID customer, Caller caller) {
        payments.pay(paid, customer, new PaymentRequest(new BigDecimal("999.00"), "INR", null, "demo-payment-0001"),
                "demo-fee-0001", caller);
    }
}
