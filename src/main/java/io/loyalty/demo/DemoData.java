package io.loyalty.demo;

import io.loyalty.customer.Customer;
import io.loyalty.customer.CustomerRequest;
import io.loyalty.customer.CustomerService;
import io.loyalty.order.OrderRequest;
import io.loyalty.order.OrderService;
import io.loyalty.programme.EarningRule;
import io.loyalty.programme.Enrolment;
import io.loyalty.programme.ExpiryPolicy;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeKind;
import io.loyalty.programme.ProgrammeRequest;
import io.loyalty.programme.ProgrammeResponse;
import io.loyalty.programme.ProgrammeService;
import io.loyalty.programme.ProgrammeStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.reward.LimitPeriod;
import io.loyalty.reward.RedemptionRequest;
import io.loyalty.reward.RedemptionResponse;
import io.loyalty.reward.RedemptionIssuer;
import io.loyalty.reward.RedemptionLifecycle;
import io.loyalty.reward.Reward;
import io.loyalty.reward.RewardRequest;
import io.loyalty.reward.RewardResponse;
import io.loyalty.reward.RewardService;
import io.loyalty.reward.RewardType;
import io.loyalty.reward.UseRequest;
import io.loyalty.security.ApiKeyRequest;
import io.loyalty.security.ApiKeyService;
import io.loyalty.security.Caller;
import io.loyalty.security.CreatedApiKey;
import io.loyalty.security.Role;
import io.loyalty.tier.PaymentService;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.loyalty.demo.DemoBuilders.reward;
import static io.loyalty.demo.DemoBuilders.rule;

/**
 * A small data set for people exploring the API in Swagger UI: customers, a points programme, a stamp
 * card whose completed cards issue a catalogue reward, a NATURAL programme, a tiered club and a paid
 * membership (DemoTiers), about four months of orders
 * placed through the normal order path, and a catalogue with a reward of every type.
 * Only in dev mode, and each part only once (skipped when it already exists).
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String POINTS_PROGRAMME = "Chai Points";

    static final List<CustomerRequest> CUSTOMERS = List.of(
            new CustomerRequest("demo-0001", "asha.patil@example.com", "Asha", "Patil", "+91 98765 43210",
                    LocalDate.of(1990, 4, 17), true),
            new CustomerRequest("demo-0002", "rohan.sharma@example.com", "Rohan", "Sharma", "+91 91234 56789",
                    LocalDate.of(1985, 11, 2), false),
            new CustomerRequest("demo-0003", "meera.iyer@example.com", "Meera", "Iyer", null,
                    LocalDate.of(1998, 1, 23), true),
            new CustomerRequest("demo-0004", "vikram.deshmukh@example.com", "Vikram", "Deshmukh", "+91 99887 76655",
                    null, true),
            new CustomerRequest("demo-0005", null, "Guest", "Shopper", null, null, false));

    private record Item(String sku, String name, String category, String price) {
    }

    private static final List<Item> MENU = List.of(
            new Item("CHAI", "Masala chai", "drinks", "60.00"),
            new Item("COFFEE", "Filter coffee", "drinks", "80.00"),
            new Item("SAMOSA", "Samosa", "snacks", "45.00"),
            new Item("VADA-PAV", "Vada pav", "snacks", "55.00"),
            new Item("CAKE", "Banana cake", "bakery", "120.00"));

    void onStart(@Observes StartupEvent event, CustomerService customers, ProgrammeService programmes,
                 MembershipService memberships, OrderService orders, ApiKeyService keys, RewardService rewards,
                 RedemptionIssuer issuer, RedemptionLifecycle lifecycle, ObjectMapper mapper, PaymentService payments) {
        if (QuarkusTransaction.requiringNew().call(() -> Customer.count("externalId", CUSTOMERS.get(0).externalId())) == 0) {
            CUSTOMERS.forEach(customers::create);
            LOG.infof("Seeded %d demo customers", CUSTOMERS.size());
        }
        if (QuarkusTransaction.requiringNew().call(() -> Programme.count("name", POINTS_PROGRAMME)) == 0) {
            seedLoyalty(programmes, memberships, orders, keys, rewards, mapper, payments);
        }
        if (QuarkusTransaction.requiringNew().call(() -> Reward.count("name", FIRST_REWARD)) == 0) {
            seedCatalogue(rewards, issuer, lifecycle, keys);
        }
    }

    static final String FIRST_REWARD = "₹50 off your next order";

    /** A catalogue with a reward of every type, a pool of partner codes, and one redemption already used. */
    private void seedCatalogue(RewardService rewards, RedemptionIssuer issuer, RedemptionLifecycle lifecycle,
                               ApiKeyService keys) {
        UUID points = QuarkusTransaction.requiringNew().call(() ->
                Programme.<Programme>find("name", POINTS_PROGRAMME).firstResult().id);
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusDays(21).withHour(13).withMinute(30).withSecond(0).withNano(0);
        rewards.create(reward(points, FIRST_REWARD, RewardType.DISCOUNT_AMOUNT, 500).amount("50.00").codeValidDays(30)
                .limit(1, LimitPeriod.MONTH).build());
        rewards.create(reward(points, "10% off, up to ₹200", RewardType.DISCOUNT_PERCENT, 800).percent("10")
                .maxDiscount("200.00").codeValidDays(30).build());
        rewards.create(reward(points, "A free banana cake", RewardType.FREE_PRODUCT, 400).sku("CAKE").stock(25).build());
        rewards.create(reward(points, "Free delivery", RewardType.FREE_SHIPPING, 150).codeValidDays(14).build());
        rewards.create(reward(points, "Free descaling of your coffee machine", RewardType.SERVICE, 1200)
                .subject("Descaling and cleaning, at the shop").build());
        rewards.create(reward(points, "Tea tasting evening", RewardType.EXPERIENCE, 1500)
                .subject("An evening with our tea master, 12 seats").startsAt(soon.toInstant()).stock(12).build());
        rewards.create(reward(points, "Monsoon menu preview", RewardType.EARLY_ACCESS, 100)
                .subject("Order the monsoon menu a week before everyone else").startsAt(soon.minusDays(7).toInstant())
                .minLifetimePoints(500).build());
        rewards.create(reward(points, "Name a drink on our menu", RewardType.CUSTOM, 5000)
                .description("Your name on the board for a month; the manager arranges it with you.")
                .limit(1, LimitPeriod.EVER).build());
        RewardResponse giftCard = rewards.create(reward(points, "₹100 gift card (partner bookshop)",
                RewardType.DISCOUNT_AMOUNT, 1000).amount("100.00").pool().build());
        rewards.importCodes(giftCard.id(), List.of("BOOK-GC-1001", "BOOK-GC-1002", "BOOK-GC-1003", "BOOK-GC-1004",
                "BOOK-GC-1005"));

        CreatedApiKey till = keys.create(new ApiKeyRequest("Demo till", Role.STOREFRONT, null));
        Caller caller = new Caller(till.id(), till.name(), till.role(), null);
        UUID asha = QuarkusTransaction.requiringNew().call(() ->
                Customer.<Customer>find("externalId", CUSTOMERS.get(0).externalId()).firstResult().id);
        UUID delivery = QuarkusTransaction.requiringNew().call(() ->
                Reward.<Reward>find("name", "Free delivery").firstResult().id);
        RedemptionResponse redeemed = issuer.redeem(new RedemptionRequest(asha, delivery, null), "demo-redeem-1", caller)
                .result();
        lifecycle.use(redeemed.id(), new UseRequest(null, "demo-web-0001"), caller);
        LOG.infof("Seeded a catalogue of 9 demo rewards and one used redemption");
    }

    private void seedLoyalty(ProgrammeService programmes, MembershipService memberships, OrderService orders,
                             ApiKeyService keys, RewardService rewards, ObjectMapper mapper, PaymentService payments) {
        programmes.create(new ProgrammeRequest(POINTS_PROGRAMME, ProgrammeKind.CUMULATIVE, ProgrammeStatus.ACTIVE, "INR",
                new BigDecimal("0.25"), Enrolment.AUTOMATIC, "Asia/Kolkata", 7,
                new ExpiryPolicy(ExpiryPolicy.Type.END_OF_PERIOD, null, ExpiryPolicy.CalendarPeriod.YEAR, 1, null),
                List.of(rule("spend", EarningRule.Type.SPEND, "1 point per 10 rupees").pointsPerUnit(new BigDecimal("0.1"))
                                .minOrderAmount(new BigDecimal("100")).build(),
                        rule("snacks-x2", EarningRule.Type.MULTIPLIER, "Double points on snacks").multiplier(BigDecimal.valueOf(2))
                                .categories(List.of("snacks")).capPerDay(200L).build(),
                        rule("birthday", EarningRule.Type.EVENT, "Birthday gift").event("birthday").points(100L)
                                .limitPerCustomer(1).build()), null, null));
        // A stamp card's reward lives in its programme's catalogue: programme first, then the reward, then the rule.
        ProgrammeResponse card = programmes.create(new ProgrammeRequest("Chai Card", ProgrammeKind.CUMULATIVE,
                ProgrammeStatus.DRAFT, "INR", BigDecimal.ZERO, Enrolment.OPT_IN, "Asia/Kolkata", 0, ExpiryPolicy.never(),
                List.of(), null, null));
        RewardResponse freeChai = rewards.create(reward(card.id(), "A free masala chai", RewardType.FREE_PRODUCT, 0)
                .sku("CHAI").codeValidDays(60).build());
        ObjectNode activate = mapper.createObjectNode().put("status", "ACTIVE");
        activate.set("rules", mapper.valueToTree(List.of(rule("chai-card", EarningRule.Type.STAMP,
                "Buy ten chai, the eleventh is free").stampsRequired(10).per(EarningRule.StampPer.UNIT)
                .skus(List.of("CHAI")).reward("A free masala chai").rewardId(freeChai.id()).build())));
        programmes.patch(card.id(), activate);
        programmes.create(new ProgrammeRequest("Everyone (measured only)", ProgrammeKind.NATURAL, ProgrammeStatus.ACTIVE,
                "INR", BigDecimal.ZERO, Enrolment.AUTOMATIC, "Asia/Kolkata", 0, ExpiryPolicy.never(), List.of(), null, null));

        UUID prime = DemoTiers.programmes(programmes);

        CreatedApiKey storefront = keys.create(new ApiKeyRequest("Demo storefront", Role.STOREFRONT, null));
        Caller caller = new Caller(storefront.id(), storefront.name(), storefront.role(), null);
        List<UUID> ids = new ArrayList<>();
        for (CustomerRequest c : CUSTOMERS) {
            ids.add(QuarkusTransaction.requiringNew().call(() ->
                    Customer.<Customer>find("externalId", c.externalId()).firstResult().id));
        }
        for (UUID id : ids.subList(0, 3)) {
            memberships.enrol(card.id(), id);
        }

        // About four months of visits: regulars often, others now and then; a fixed seed keeps it stable.
        Random random = new Random(20261122);
        int[] visitsPerCustomer = {28, 14, 9, 4, 1};
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int posted = 0;
        for (int c = 0; c < ids.size(); c++) {
            for (int v = 0; v < visitsPerCustomer[c]; v++) {
                OffsetDateTime placedAt = now.minusDays(random.nextInt(120)).minusMinutes(random.nextInt(600) + 10);
                List<OrderRequest.Line> lines = new ArrayList<>();
                BigDecimal total = BigDecimal.ZERO;
                int items = 1 + random.nextInt(3);
                for (int i = 0; i < items; i++) {
                    Item item = MENU.get(random.nextInt(MENU.size()));
                    int quantity = 1 + random.nextInt(2);
                    lines.add(new OrderRequest.Line(item.sku(), item.name(), item.category(), quantity, new BigDecimal(item.price())));
                    total = total.add(new BigDecimal(item.price()).multiply(BigDecimal.valueOf(quantity)));
                }
                orders.post(new OrderRequest("demo-order-" + c + "-" + v, ids.get(c), null, null, placedAt, "INR", lines,
                        BigDecimal.ZERO, BigDecimal.ZERO, total, true, null), caller);
                posted++;
            }
        }
        DemoTiers.payments(payments, prime, ids.get(0), caller);
        LOG.infof("Seeded 5 demo programmes and %d demo orders", posted);
    }
}
