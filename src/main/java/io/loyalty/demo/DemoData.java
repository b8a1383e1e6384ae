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
import io.loyalty.security.ApiKeyRequest;
import io.loyalty.security.ApiKeyService;
import io.loyalty.security.Caller;
import io.loyalty.security.CreatedApiKey;
import io.loyalty.security.Role;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A small data set for people exploring the API in Swagger UI: customers, a points programme, a stamp
 * card, a NATURAL programme and about four months of orders placed through the normal order path.
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
                 MembershipService memberships, OrderService orders, ApiKeyService keys) {
        if (QuarkusTransaction.requiringNew().call(() -> Customer.count("externalId", CUSTOMERS.get(0).externalId())) == 0) {
            CUSTOMERS.forEach(customers::create);
            LOG.infof("Seeded %d demo customers", CUSTOMERS.size());
        }
        if (QuarkusTransaction.requiringNew().call(() -> Programme.count("name", POINTS_PROGRAMME)) == 0) {
            seedLoyalty(programmes, memberships, orders, keys);
        }
    }

    private void seedLoyalty(ProgrammeService programmes, MembershipService memberships, OrderService orders,
                             ApiKeyService keys) {
        programmes.create(new ProgrammeRequest(POINTS_PROGRAMME, ProgrammeKind.CUMULATIVE, ProgrammeStatus.ACTIVE, "INR",
                new BigDecimal("0.25"), Enrolment.AUTOMATIC, "Asia/Kolkata", 7,
                new ExpiryPolicy(ExpiryPolicy.Type.END_OF_PERIOD, null, ExpiryPolicy.CalendarPeriod.YEAR, 1, null),
                List.of(rule("spend", EarningRule.Type.SPEND, "1 point per 10 rupees").pointsPerUnit(new BigDecimal("0.1"))
                                .minOrderAmount(new BigDecimal("100")).build(),
                        rule("snacks-x2", EarningRule.Type.MULTIPLIER, "Double points on snacks").multiplier(BigDecimal.valueOf(2))
                                .categories(List.of("snacks")).capPerDay(200L).build(),
                        rule("birthday", EarningRule.Type.EVENT, "Birthday gift").event("birthday").points(100L)
                                .limitPerCustomer(1).build())));
        ProgrammeResponse card = programmes.create(new ProgrammeRequest("Chai Card", ProgrammeKind.CUMULATIVE,
                ProgrammeStatus.ACTIVE, "INR", BigDecimal.ZERO, Enrolment.OPT_IN, "Asia/Kolkata", 0, ExpiryPolicy.never(),
                List.of(rule("chai-card", EarningRule.Type.STAMP, "Buy ten chai, the eleventh is free").stampsRequired(10)
                        .per(EarningRule.StampPer.UNIT).skus(List.of("CHAI")).reward("A free masala chai").build())));
        programmes.create(new ProgrammeRequest("Everyone (measured only)", ProgrammeKind.NATURAL, ProgrammeStatus.ACTIVE,
                "INR", BigDecimal.ZERO, Enrolment.AUTOMATIC, "Asia/Kolkata", 0, ExpiryPolicy.never(), List.of()));

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
                        BigDecimal.ZERO, BigDecimal.ZERO, total, true), caller);
                posted++;
            }
        }
        LOG.infof("Seeded 3 demo programmes and %d demo orders", posted);
    }

    private static RuleBuilder rule(String id, EarningRule.Type type, String name) {
        return new RuleBuilder(id, type, name);
    }

    /** Spares the demo the eighteen positional arguments of an EarningRule. */
    private static final class RuleBuilder {
        private final String id;
        private final EarningRule.Type type;
        private final String name;
        private Long capPerDay;
        private BigDecimal pointsPerUnit;
        private BigDecimal minOrderAmount;
        private List<String> categories;
        private List<String> skus;
        private BigDecimal multiplier;
        private Integer stampsRequired;
        private EarningRule.StampPer per;
        private String reward;
        private String event;
        private Long points;
        private Integer limitPerCustomer;

        RuleBuilder(String id, EarningRule.Type type, String name) {
            this.id = id;
            this.type = type;
            this.name = name;
        }

        RuleBuilder capPerDay(Long v) { capPerDay = v; return this; }
        RuleBuilder pointsPerUnit(BigDecimal v) { pointsPerUnit = v; return this; }
        RuleBuilder minOrderAmount(BigDecimal v) { minOrderAmount = v; return this; }
        RuleBuilder categories(List<String> v) { categories = v; return this; }
        RuleBuilder skus(List<String> v) { skus = v; return this; }
        RuleBuilder multiplier(BigDecimal v) { multiplier = v; return this; }
        RuleBuilder stampsRequired(Integer v) { stampsRequired = v; return this; }
        RuleBuilder per(EarningRule.StampPer v) { per = v; return this; }
        RuleBuilder reward(String v) { reward = v; return this; }
        RuleBuilder event(String v) { event = v; return this; }
        RuleBuilder points(Long v) { points = v; return this; }
        RuleBuilder limitPerCustomer(Integer v) { limitPerCustomer = v; return this; }

        EarningRule build() {
            return new EarningRule(id, type, name, null, null, capPerDay, null, pointsPerUnit, minOrderAmount, categories,
                    skus, multiplier, stampsRequired, per, reward, event, points, limitPerCustomer);
        }
    }
}
