package io.loyalty.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.customer.Customer;
import io.loyalty.customer.CustomerRequest;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.customer.CustomerService;
import io.loyalty.ledger.ExpiryRunResponse;
import io.loyalty.ledger.ExpiryService;
import io.loyalty.programme.EarningRule;
import io.loyalty.programme.Enrolment;
import io.loyalty.programme.ExpiryPolicy;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeKind;
import io.loyalty.programme.ProgrammeRequest;
import io.loyalty.programme.ProgrammeResponse;
import io.loyalty.programme.ProgrammeService;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.reward.Reward;
import io.loyalty.reward.RewardResponse;
import io.loyalty.reward.RewardService;
import io.loyalty.reward.RewardType;
import io.loyalty.security.ApiKeyRequest;
import io.loyalty.security.ApiKeyService;
import io.loyalty.security.Caller;
import io.loyalty.security.CreatedApiKey;
import io.loyalty.security.Role;
import io.loyalty.tier.PaymentService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.loyalty.demo.DemoBuilders.reward;
import static io.loyalty.demo.DemoBuilders.rule;

/**
 * A data set for people exploring the API in Swagger UI, rich enough for every metrics endpoint: 300
 * customers with fifteen months of orders on three channels ({@link DemoCrowd}), posted through the normal
 * order path with some returns ({@link DemoHistory}); a points programme whose oldest points have expired, a
 * stamp card (OPT_IN) that part of the customers joined, a NATURAL programme; and a catalogue with a reward of
 * every type and redemptions ({@link DemoCatalogue}); a coalition of two partners ({@link DemoCoalition}). Each part
 * only once (skipped when it already exists).
 */
@ApplicationScoped
public class DemoSeeder {
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
    static final String POINTS_PROGRAMME = "Chai Points";
    static final String CARD_PROGRAMME = "Chai Card";
    static final long SEED = 20261122L;
    static final int SIZE = 300;

    /** The named customers the README's examples use; the crowd follows them. */
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

    private final CustomerService customers;
    private final CustomerLookup lookup;
    private final ProgrammeService programmes;
    private final RewardService rewards;
    private final ApiKeyService keys;
    private final ExpiryService expiry;
    private final DemoHistory history;
    private final DemoCatalogue catalogue;
    private final ObjectMapper mapper;
    private final PaymentService payments;
    private final DemoFeedback demoFeedback;
    private final DemoCoalition coalition;

    DemoSeeder(CustomerService customers, CustomerLookup lookup, ProgrammeService programmes, RewardService rewards,
               ApiKeyService keys, ExpiryService expiry, DemoHistory history, DemoCatalogue catalogue, ObjectMapper mapper,
               PaymentService payments, DemoFeedback demoFeedback, DemoCoalition coalition) {
        this.payments = payments;
        this.coalition = coalition;
        this.demoFeedback = demoFeedback;
        this.customers = customers;
        this.lookup = lookup;
        this.programmes = programmes;
        this.rewards = rewards;
        this.keys = keys;
        this.expiry = expiry;
        this.history = history;
        this.catalogue = catalogue;
        this.mapper = mapper;
    }

    /** Seeds what is missing, as of now. */
    public void seed() {
        Instant now = Instant.now();
        List<DemoCrowd.Shopper> crowd = DemoCrowd.simulate(SEED, now, CUSTOMERS, SIZE);
        List<String> externalIds = crowd.stream().map(s -> s.customer().externalId()).toList();
        if (QuarkusTransaction.requiringNew().call(() -> Customer.count("externalId", CUSTOMERS.get(0).externalId())) == 0) {
            long started = System.nanoTime();
            DemoHistory.inParallel(crowd.stream().<Callable<Object>>map(s -> () -> customers.create(s.customer())).toList());
            LOG.infof("Seeded %d demo customers in %d ms", crowd.size(), millisSince(started));
        } else if (ids(externalIds.subList(SIZE - 1, SIZE)).isEmpty()) {
            LOG.infof("This database has the demo data of an earlier version (no customer %s); drop it (dropdb) for the "
                    + "demo data with fifteen months of orders that the metrics endpoints show", externalIds.get(SIZE - 1));
        }
        if (QuarkusTransaction.requiringNew().call(() -> Programme.count("name", POINTS_PROGRAMME)) == 0) {
            seedLoyalty(crowd, ids(externalIds), DemoCrowd.launch(now));
        }
        if (QuarkusTransaction.requiringNew().call(() -> Reward.count("name", DemoCatalogue.FIRST_REWARD)) == 0) {
            catalogue.seed(pointsProgramme(), ids(externalIds));
        }
        demoFeedback.seed(ids(externalIds), pointsProgramme(), now);
        if (QuarkusTransaction.requiringNew().call(() -> Programme.count("name", DemoCoalition.PROGRAMME)) == 0) {
            List<String> four = CUSTOMERS.subList(0, 4).stream().map(CustomerRequest::externalId).toList();
            Map<String, UUID> named = ids(four);
            coalition.seed(four.stream().map(named::get).toList(), now);
        }
    }

    UUID pointsProgramme() {
        return QuarkusTransaction.requiringNew().call(() -> Programme.<Programme>find("name", POINTS_PROGRAMME)
                .firstResult().id);
    }

    private void seedLoyalty(List<DemoCrowd.Shopper> crowd, Map<String, UUID> ids, Instant launch) {
        long started = System.nanoTime();
        // Points expire six months after they are earned: the unspent points of the first months after the launch,
        // nine months ago, expired in the last quarter.
        ProgrammeResponse points = programmes.create(new ProgrammeRequest(POINTS_PROGRAMME, ProgrammeKind.CUMULATIVE,
                ProgrammeStatus.ACTIVE, "INR", new BigDecimal("0.25"), Enrolment.AUTOMATIC, "Asia/Kolkata", 7,
                new ExpiryPolicy(ExpiryPolicy.Type.AFTER, "P6M", null, null, null),
                List.of(rule("spend", EarningRule.Type.SPEND, "1 point per 10 rupees").pointsPerUnit(new BigDecimal("0.1"))
                                .minOrderAmount(new BigDecimal("100")).build(),
                        rule("snacks-x2", EarningRule.Type.MULTIPLIER, "Double points on snacks").multiplier(BigDecimal.valueOf(2))
                                .categories(List.of("snacks")).capPerDay(200L).build(),
                        rule("birthday", EarningRule.Type.EVENT, "Birthday gift").event("birthday").points(100L)
                                .limitPerCustomer(1).build()), null, null));
        // A stamp card's reward lives in its programme's catalogue: programme first, then the reward, then the rule.
        ProgrammeResponse card = programmes.create(new ProgrammeRequest(CARD_PROGRAMME, ProgrammeKind.CUMULATIVE,
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
        long imported = history.importBefore(launch, crowd, caller);
        long posting = System.nanoTime();
        DemoHistory.Counts since = history.postSince(launch, crowd, ids, card.id(), caller);
        long postedIn = millisSince(posting);
        DemoTiers.payments(payments, prime, ids.get(CUSTOMERS.get(0).externalId()), caller);
        ExpiryRunResponse expired = expiry.run(points.id(), Instant.now(), null, true);
        LOG.infof("Seeded 5 demo programmes, %d demo orders imported from before their launch, %d posted since "
                        + "(%d ms; %d returned in part, %d in full) and expired %d points, in %d ms", imported, since.orders(),
                postedIn, since.partialReturns(), since.fullReturns(), expired.points(), millisSince(started));
    }

    /** The ids of those of these customers that exist. */
    Map<String, UUID> ids(List<String> externalIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, UUID> ids = new HashMap<>();
            for (String externalId : externalIds) {
                lookup.idByExternalId(externalId).ifPresent(id -> ids.put(externalId, id));
            }
            return ids;
        });
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
