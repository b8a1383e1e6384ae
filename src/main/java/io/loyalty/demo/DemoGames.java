package io.loyalty.demo;

import io.loyalty.customer.Customer;
import io.loyalty.game.ChallengeRequest;
import io.loyalty.game.ChallengeRules;
import io.loyalty.game.ChallengeService;
import io.loyalty.game.GameRequest;
import io.loyalty.game.GameService;
import io.loyalty.game.PrizeRequest;
import io.loyalty.order.OrderRequest;
import io.loyalty.order.OrderService;
import io.loyalty.programme.Enrolment;
import io.loyalty.programme.ExpiryPolicy;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeKind;
import io.loyalty.programme.ProgrammeRequest;
import io.loyalty.programme.ProgrammeResponse;
import io.loyalty.programme.ProgrammeService;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.reward.RewardResponse;
import io.loyalty.reward.RewardService;
import io.loyalty.reward.RewardType;
import io.loyalty.security.ApiKeyRequest;
import io.loyalty.security.ApiKeyService;
import io.loyalty.security.Caller;
import io.loyalty.security.CreatedApiKey;
import io.loyalty.security.Role;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.loyalty.demo.DemoBuilders.reward;

/**
 * The gamified demo programme (kind 6 of the digest, Grubhub: every order plays for a 25% chance of a free dessert)
 * with a challenge beside it, and a few orders that played it. After {@link DemoData}, whose customers it enrols.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoGames {
    private static final Logger LOG = Logger.getLogger(DemoGames.class);
    static final String PROGRAMME = "Grubhub-style Free Dessert";

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event, ProgrammeService programmes,
                 RewardService rewards, GameService games, ChallengeService challenges, MembershipService memberships,
                 OrderService orders, ApiKeyService keys) {
        if (QuarkusTransaction.requiringNew().call(() -> Programme.count("name", PROGRAMME)) > 0) {
            return;
        }
        ProgrammeResponse p = programmes.create(new ProgrammeRequest(PROGRAMME, ProgrammeKind.CUMULATIVE,
                ProgrammeStatus.ACTIVE, "INR", new BigDecimal("0.25"), Enrolment.OPT_IN, "Asia/Kolkata", 0,
                ExpiryPolicy.never(), List.of(), null, null));
        RewardResponse dessert = rewards.create(reward(p.id(), "A free dessert", RewardType.FREE_PRODUCT, 0)
                .sku("CAKE").codeValidDays(14).build());
        games.create(p.id(), new GameRequest("Free dessert", new BigDecimal("100"), null, new BigDecimal("0.25"),
                new PrizeRequest(dessert.id(), null), 50, null, null, null));
        challenges.create(p.id(), new ChallengeRequest("Three orders this month", ChallengeRules.Goal.ORDERS,
                BigDecimal.valueOf(3), ChallengeRules.Period.MONTH, new PrizeRequest(null, 50L), null, null));

        CreatedApiKey till = keys.create(new ApiKeyRequest("Demo dessert till", Role.STOREFRONT, null));
        Caller caller = new Caller(till.id(), till.name(), till.role(), null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int posted = 0;
        for (int c = 0; c < 3; c++) {
            String externalId = DemoSeeder.CUSTOMERS.get(c).externalId();
            UUID customer = QuarkusTransaction.requiringNew().call(() ->
                    Customer.<Customer>find("externalId", externalId).firstResult().id);
            memberships.enrol(p.id(), customer);
            for (int v = 0; v < 4 - c; v++) {
                BigDecimal price = new BigDecimal("180.00");
                orders.post(new OrderRequest("demo-dessert-" + c + "-" + v, customer, null, null,
                        now.minusHours(2L + 5L * v + c), "INR",
                        List.of(new OrderRequest.Line("THALI", "Veg thali", "mains", 1, price)),
                        BigDecimal.ZERO, BigDecimal.ZERO, price, true, null), caller);
                posted++;
            }
        }
        LOG.infof("Seeded the gamified demo programme '%s' and %d orders that played its game", PROGRAMME, posted);
    }
}
