package io.loyalty.demo;

import io.loyalty.order.OrderRequest;
import io.loyalty.order.OrderService;
import io.loyalty.partner.PartnerRequest;
import io.loyalty.partner.PartnerService;
import io.loyalty.programme.EarningRule;
import io.loyalty.programme.Enrolment;
import io.loyalty.programme.ExpiryPolicy;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.ProgrammeKind;
import io.loyalty.programme.ProgrammeRequest;
import io.loyalty.programme.ProgrammeService;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.reward.RedemptionIssuer;
import io.loyalty.reward.RedemptionRequest;
import io.loyalty.reward.RewardService;
import io.loyalty.reward.RewardType;
import io.loyalty.security.ApiKeyRequest;
import io.loyalty.security.ApiKeyService;
import io.loyalty.security.Caller;
import io.loyalty.security.CreatedApiKey;
import io.loyalty.security.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.loyalty.demo.DemoBuilders.reward;
import static io.loyalty.demo.DemoBuilders.rule;

/**
 * The coalition of the digest (kind 5: Nectar, Plenti): two partners, a few orders with each (posted with their
 * PARTNER keys, so they earn only here), and redemptions, one of them at the grocer with points earned at the fuel
 * stations. Small on purpose: it shows the partner figures of the programme metrics, not a crowd.
 */
@ApplicationScoped
class DemoCoalition {
    static final String PROGRAMME = "Nectar-style coalition";
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private final ProgrammeService programmes;
    private final PartnerService partners;
    private final ApiKeyService keys;
    private final MembershipService memberships;
    private final OrderService orders;
    private final RewardService rewards;
    private final RedemptionIssuer issuer;

    DemoCoalition(ProgrammeService programmes, PartnerService partners, ApiKeyService keys, MembershipService memberships,
                  OrderService orders, RewardService rewards, RedemptionIssuer issuer) {
        this.programmes = programmes;
        this.partners = partners;
        this.keys = keys;
        this.memberships = memberships;
        this.orders = orders;
        this.rewards = rewards;
        this.issuer = issuer;
    }

    /**
     * {@code customers}: demo-0001 to demo-0004. Fuel earns 2 points per 10 rupees (the partner's rate), groceries
     * the programme's 1 per 10. Asha's 500 fuel points are her oldest, so her grocery reward (400) is drawn from them.
     */
    void seed(List<UUID> customers, Instant now) {
        UUID programme = programmes.create(new ProgrammeRequest(PROGRAMME, ProgrammeKind.CUMULATIVE, ProgrammeStatus.ACTIVE,
                "INR", new BigDecimal("0.25"), Enrolment.OPT_IN, ZONE.getId(), 0, ExpiryPolicy.never(),
                List.of(rule("spend", EarningRule.Type.SPEND, "1 point per 10 rupees").pointsPerUnit(new BigDecimal("0.1"))
                        .build()), null, null)).id();
        Caller fuel = partner(programme, "FuelCo petrol stations", new BigDecimal("0.2"));
        Caller grocer = partner(programme, "GrocerMart supermarkets", null);
        for (UUID c : customers) {
            memberships.enrol(programme, c, now.minus(Duration.ofDays(30)));
        }
        order(fuel, customers.get(0), "2500.00", now.minus(Duration.ofDays(20)), "fuel-1");
        order(fuel, customers.get(1), "1800.00", now.minus(Duration.ofDays(14)), "fuel-2");
        order(fuel, customers.get(2), "3000.00", now.minus(Duration.ofDays(6)), "fuel-3");
        order(grocer, customers.get(0), "1200.00", now.minus(Duration.ofDays(18)), "grocer-1");
        order(grocer, customers.get(3), "2400.00", now.minus(Duration.ofDays(10)), "grocer-2");
        order(grocer, customers.get(1), "900.00", now.minus(Duration.ofDays(3)), "grocer-3");
        UUID groceries = rewards.create(reward(programme, "₹50 off your groceries", RewardType.DISCOUNT_AMOUNT, 400)
                .amount("50.00").codeValidDays(30).partner(grocer.partnerId()).build()).id();
        UUID fillUp = rewards.create(reward(programme, "₹100 off a fill-up", RewardType.DISCOUNT_AMOUNT, 500)
                .amount("100.00").codeValidDays(30).partner(fuel.partnerId()).build()).id();
        issuer.redeem(new RedemptionRequest(customers.get(0), groceries, null), "demo-nectar-redeem-1", grocer);
        issuer.redeem(new RedemptionRequest(customers.get(2), fillUp, null), "demo-nectar-redeem-2", fuel);
    }

    private Caller partner(UUID programme, String name, BigDecimal earnRate) {
        UUID id = partners.create(new PartnerRequest(programme, name, null, earnRate, new BigDecimal("1.1"),
                new BigDecimal("0.9"))).id();
        CreatedApiKey key = keys.create(new ApiKeyRequest(name + " tills", Role.PARTNER, id));
        return new Caller(key.id(), key.name(), key.role(), id);
    }

    private void order(Caller partner, UUID customer, String amount, Instant at, String ref) {
        BigDecimal total = new BigDecimal(amount);
        orders.post(new OrderRequest("demo-nectar-" + ref, customer, null, null, at.atZone(ZONE).toOffsetDateTime(), "INR",
                List.of(new OrderRequest.Line("BASKET", "Basket", "partner", 1, total)), BigDecimal.ZERO, BigDecimal.ZERO,
                total, true, "store"), partner);
    }
}
