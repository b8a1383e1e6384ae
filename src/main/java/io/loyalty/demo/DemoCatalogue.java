package io.loyalty.demo;

import io.loyalty.ledger.BalanceResponse;
import io.loyalty.ledger.PointsService;
import io.loyalty.reward.LimitPeriod;
import io.loyalty.reward.RedemptionIssuer;
import io.loyalty.reward.RedemptionLifecycle;
import io.loyalty.reward.RedemptionRequest;
import io.loyalty.reward.RedemptionResponse;
import io.loyalty.reward.RewardResponse;
import io.loyalty.reward.RewardService;
import io.loyalty.reward.RewardType;
import io.loyalty.reward.UseRequest;
import io.loyalty.security.ApiKeyRequest;
import io.loyalty.security.ApiKeyService;
import io.loyalty.security.Caller;
import io.loyalty.security.CreatedApiKey;
import io.loyalty.security.Role;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.loyalty.demo.DemoBuilders.reward;

/**
 * A catalogue with a reward of every type and a pool of partner codes, and redemptions: customers with points
 * to spare redeem (mostly the loyal ones, who have them), and about half of those codes have been used.
 */
@ApplicationScoped
class DemoCatalogue {
    private static final Logger LOG = Logger.getLogger(DemoCatalogue.class);
    static final String FIRST_REWARD = "₹50 off your next order";

    private final RewardService rewards;
    private final RedemptionIssuer issuer;
    private final RedemptionLifecycle lifecycle;
    private final ApiKeyService keys;
    private final PointsService points;

    DemoCatalogue(RewardService rewards, RedemptionIssuer issuer, RedemptionLifecycle lifecycle, ApiKeyService keys,
                  PointsService points) {
        this.rewards = rewards;
        this.issuer = issuer;
        this.lifecycle = lifecycle;
        this.keys = keys;
        this.points = points;
    }

    void seed(UUID programme, Map<String, UUID> customers) {
        long started = System.nanoTime();
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusDays(21).withHour(13).withMinute(30).withSecond(0).withNano(0);
        RewardResponse fifty = rewards.create(reward(programme, FIRST_REWARD, RewardType.DISCOUNT_AMOUNT, 500)
                .amount("50.00").codeValidDays(30).limit(1, LimitPeriod.MONTH).build());
        RewardResponse tenPercent = rewards.create(reward(programme, "10% off, up to ₹200", RewardType.DISCOUNT_PERCENT, 800)
                .percent("10").maxDiscount("200.00").codeValidDays(30).build());
        RewardResponse cake = rewards.create(reward(programme, "A free banana cake", RewardType.FREE_PRODUCT, 400)
                .sku("CAKE").stock(25).build());
        RewardResponse delivery = rewards.create(reward(programme, "Free delivery", RewardType.FREE_SHIPPING, 150)
                .codeValidDays(14).build());
        rewards.create(reward(programme, "Free descaling of your coffee machine", RewardType.SERVICE, 1200)
                .subject("Descaling and cleaning, at the shop").build());
        rewards.create(reward(programme, "Tea tasting evening", RewardType.EXPERIENCE, 1500)
                .subject("An evening with our tea master, 12 seats").startsAt(soon.toInstant()).stock(12).build());
        rewards.create(reward(programme, "Monsoon menu preview", RewardType.EARLY_ACCESS, 100)
                .subject("Order the monsoon menu a week before everyone else").startsAt(soon.minusDays(7).toInstant())
                .minLifetimePoints(500).build());
        rewards.create(reward(programme, "Name a drink on our menu", RewardType.CUSTOM, 5000)
                .description("Your name on the board for a month; the manager arranges it with you.")
                .limit(1, LimitPeriod.EVER).build());
        RewardResponse giftCard = rewards.create(reward(programme, "₹100 gift card (partner bookshop)",
                RewardType.DISCOUNT_AMOUNT, 1000).amount("100.00").pool().build());
        rewards.importCodes(giftCard.id(), List.of("BOOK-GC-1001", "BOOK-GC-1002", "BOOK-GC-1003", "BOOK-GC-1004",
                "BOOK-GC-1005"));

        CreatedApiKey till = keys.create(new ApiKeyRequest("Demo till", Role.STOREFRONT, null));
        Caller caller = new Caller(till.id(), till.name(), till.role(), null);
        UUID asha = customers.get(DemoSeeder.CUSTOMERS.get(0).externalId());
        RedemptionResponse redeemed = issuer.redeem(new RedemptionRequest(asha, delivery.id(), null), "demo-redeem-1", caller)
                .result();
        lifecycle.use(redeemed.id(), new UseRequest(null, "demo-web-0001"), caller);
        int made = 1 + redeemAround(programme, customers, List.of(tenPercent, fifty, giftCard, cake, delivery), caller);
        LOG.infof("Seeded a catalogue of 9 demo rewards and %d redemptions in %d ms", made,
                DemoSeeder.millisSince(started));
    }

    /**
     * About half of the customers with points to spare redeem the dearest reward they can afford, or one a little
     * cheaper; demo-0001 keeps its points for the README's checkout example. @return redemptions made
     */
    private int redeemAround(UUID programme, Map<String, UUID> customers, List<RewardResponse> offer, Caller caller) {
        Random random = new Random(DemoSeeder.SEED + 1);
        List<RewardResponse> dearestFirst = offer.stream().sorted(Comparator.comparingLong(RewardResponse::cost).reversed())
                .toList();
        int made = 0;
        for (int n = 2; n <= DemoSeeder.SIZE; n++) {
            String externalId = String.format("demo-%04d", n);
            UUID customer = customers.get(externalId);
            boolean wants = random.nextDouble() < 0.5;
            int pickiness = random.nextInt(2);
            if (customer == null || !wants) {
                continue;
            }
            long available = points.balances(customer, programme).stream().mapToLong(BalanceResponse::available).sum();
            List<RewardResponse> affordable = dearestFirst.stream().filter(r -> r.cost() <= available).toList();
            if (affordable.isEmpty()) {
                continue;
            }
            RewardResponse chosen = affordable.get(Math.min(pickiness, affordable.size() - 1));
            try {
                RedemptionResponse r = issuer.redeem(new RedemptionRequest(customer, chosen.id(), null),
                        "demo-redeem-" + externalId, caller).result();
                made++;
                if (random.nextBoolean() && r.code() != null) {
                    lifecycle.use(r.id(), new UseRequest(null, "demo-use-" + externalId), caller);
                }
            } catch (HttpProblem p) {
                // Out of stock or already redeemed this month: this customer simply does not redeem.
                LOG.debugf("Demo redemption of %s by %s skipped: %s", chosen.name(), externalId, p.getDetail());
            }
        }
        return made;
    }
}
