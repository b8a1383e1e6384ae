package io.loyalty.game;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.loyalty.common.PageRequest;
import jakarta.transaction.UserTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The draws are fair. 10,000 draws are played in-process through {@link Gamification#play}, the code the order
 * transaction runs, with the real secure random source, in transactions of 100 that are rolled back afterwards
 * (the draws name orders that are never written, which only the commit would check; small transactions keep
 * Hibernate's flushes cheap); their win rate must lie in
 * the 99.9% confidence interval of the configured probability. A few hundred real orders through the API then
 * show that the audit endpoint accounts for every draw.
 */
@QuarkusTest
public class GameFairnessTest {
    private static final int DRAWS = 10_000;
    private static final int BATCH = 100;
    /** Two-sided 99.9%: the standard normal quantile of 0.9995. */
    private static final double Z = 3.290527;

    @Inject
    Gamification gamification;

    @Inject
    GameService games;

    @Inject
    UserTransaction tx;

    @Test
    void tenThousandDrawsWinAtTheConfiguredRate() throws Exception {
        for (double p : new double[]{0.25}) {
            String programme = Fixtures.programme(List.of());
            String game = Games.create(programme, Games.game(p, Map.of("points", 1)));
            UUID customer = UUID.fromString(Fixtures.member(programme));
            UUID apiKeyId = adminKeyId();
            long won = 0;
            long started = System.nanoTime();
            for (int b = 0; b < DRAWS / BATCH; b++) {
                tx.begin();
                try {
                    long batchWon = 0;
                    for (int i = 0; i < BATCH; i++) {
                        OrderGamification g = gamification.play(new GameRules.OrderFacts(UUID.randomUUID(), customer,
                                "fair", Instant.now(), "INR", BigDecimal.TEN, Set.of()), apiKeyId);
                        assertEquals(1, g.draws().size());
                        batchWon += g.draws().get(0).outcome() == DrawOutcome.WON ? 1 : 0;
                    }
                    DrawPage.Totals totals = games.draws(UUID.fromString(programme), UUID.fromString(game), null,
                            PageRequest.of("1", null)).totals();
                    assertEquals(BATCH, totals.draws(), "every draw is recorded");
                    assertEquals(batchWon, totals.won());
                    won += batchWon;
                } finally {
                    tx.rollback();
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            org.jboss.logging.Logger.getLogger(GameFairnessTest.class).infof("%d draws at p=%s in %d ms", DRAWS, p, millis);
            double sd = Math.sqrt(p * (1 - p) / DRAWS);
            double rate = won / (double) DRAWS;
            assertTrue(Math.abs(rate - p) <= Z * sd, "observed win rate " + rate + " is outside the 99.9% interval "
                    + (p - Z * sd) + " .. " + (p + Z * sd) + " of " + p);
        }
    }

    @Test
    void theAuditTrailAccountsForEveryDrawOfRealOrders() throws Exception {
        String programme = Games.programme();
        String game = Games.create(programme, Games.game(0.5, Map.of("points", 7)));
        List<String> customers = List.of(Fixtures.member(programme), Fixtures.member(programme));
        List<String> outcomes = TestSupport.parallel(120, () -> {
            String c = customers.get((int) (Math.random() * 2));
            return Games.post(Games.order(c, "x", "10")).then().statusCode(201).extract()
                    .<String>path("gamification.draws[0].outcome");
        });
        long won = outcomes.stream().filter("WON"::equals).count();
        Response first = Games.draws(programme, game, Map.of("limit", 50));
        first.then().statusCode(200);
        assertEquals(120, first.jsonPath().getLong("totals.draws"));
        assertEquals(won, first.jsonPath().getLong("totals.won"));
        assertEquals(120 - won, first.jsonPath().getLong("totals.lost"));
        assertEquals(7 * won, first.jsonPath().getLong("totals.pointsWon"));
        Set<String> orderIds = new HashSet<>();
        String cursor = null;
        do {
            Response page = cursor == null ? first : Games.draws(programme, game, Map.of("limit", 50, "after", cursor));
            for (Map<String, Object> d : page.jsonPath().<Map<String, Object>>getList("items")) {
                assertTrue(orderIds.add((String) d.get("orderId")), "an order drew twice");
                boolean win = ((Number) d.get("roll")).intValue() < 500_000;
                assertEquals(win ? "WON" : "LOST", d.get("outcome"), "draw " + d);
                assertEquals(0, new BigDecimal("0.5").compareTo(new BigDecimal(d.get("probability").toString())));
                assertEquals(win ? 7 : null, d.get("prizePoints"));
                assertEquals(win, d.get("ledgerEntryId") != null);
            }
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(120, orderIds.size());
        Response wins = Games.draws(programme, game, Map.of("outcome", "WON", "limit", 500));
        assertEquals(won, wins.jsonPath().getList("items").size());
        // the prizes are in the ledger: 10 points per order earned, 7 per win
        long ledger = customers.stream().mapToLong(c -> Fixtures.ledgerSum(c, programme)).sum();
        assertEquals(120 * 10 + 7 * won, ledger);
    }

    static UUID adminKeyId() {
        return UUID.fromString(asAdmin().get("/api/v1/api-keys?limit=500").jsonPath()
                .getString("items.find { it.role == 'ADMIN' && it.revokedAt == null }.id"));
    }
}
