package io.loyalty.game;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instant-win games through the API: eligibility, replays, prizes, budgets under races, returns, suppression. */
@QuarkusTest
public class GameTest {

    @Test
    void anOrderPlaysOnlyTheGamesItQualifiesFor() {
        String p = Games.programme();
        Map<String, Object> body = Games.game(1, Map.of("points", 5));
        body.put("minAmount", 100);
        body.put("category", "mains");
        String game = Games.create(p, body);
        Map<String, Object> future = Games.game(1, Map.of("points", 5));
        future.put("validFrom", "2099-01-01T00:00:00Z");
        Games.create(p, future);
        String c = Fixtures.member(p);

        Games.post(Games.order(c, "mains", "99.99")).then().statusCode(201)
                .body("gamification.draws", hasSize(0)).body("gamification.suppressed", nullValue());
        Games.post(Games.order(c, "drinks", "150")).then().statusCode(201).body("gamification.draws", hasSize(0));
        Games.post(Games.order(c, "mains", "100")).then().statusCode(201)
                .body("gamification.draws", hasSize(1))
                .body("gamification.draws[0].gameId", equalTo(game))
                .body("gamification.draws[0].outcome", equalTo("WON"))
                .body("gamification.draws[0].prize.points", equalTo(5));
        // a customer of no programme with games is not touched at all
        Games.post(Games.order(Fixtures.customer(), "mains", "500")).then().statusCode(201)
                .body("gamification", nullValue());
        // nor is an order stored for history only
        Map<String, Object> history = Games.order(c, "mains", "500");
        history.put("accrue", false);
        Games.post(history).then().statusCode(201).body("gamification", nullValue());
    }

    @Test
    void aReplayOfTheOrderAnswersTheSameDraw() {
        String p = Games.programme();
        String game = Games.create(p, Games.game(0.5, Map.of("points", 3)));
        String c = Fixtures.member(p);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> order = Games.order(c, "x", "10");
            Response first = Games.post(order);
            first.then().statusCode(201);
            Response again = Games.post(order);
            again.then().statusCode(200);
            assertEquals(first.jsonPath().getMap("gamification"), again.jsonPath().getMap("gamification"));
            assertEquals(first.jsonPath().getMap("gamification"),
                    asAdmin().get("/api/v1/orders/" + first.path("id")).jsonPath().getMap("gamification"));
        }
        Games.draws(p, game, Map.of()).then().statusCode(200).body("totals.draws", equalTo(5));
    }

    @Test
    void theTotalBudgetHoldsUnderConcurrentOrders() throws Exception {
        String p = Games.programme();
        Map<String, Object> body = Games.game(1, Map.of("rewardId", Games.reward(p, null)));
        body.put("totalWinBudget", 5);
        String game = Games.create(p, body);
        List<String> customers = java.util.stream.IntStream.range(0, 8).mapToObj(i -> Fixtures.member(p)).toList();
        List<String> outcomes = TestSupport.parallel(40, () -> Games.post(
                        Games.order(customers.get((int) (Math.random() * customers.size())), "x", "10"))
                .then().statusCode(201).extract().<String>path("gamification.draws[0].outcome"));
        assertEquals(5, outcomes.stream().filter("WON"::equals).count(), "outcomes: " + outcomes);
        assertEquals(35, outcomes.stream().filter("BUDGET_SPENT"::equals).count(), "outcomes: " + outcomes);
        asAdmin().get("/api/v1/programmes/" + p + "/games/" + game).then().statusCode(200).body("wins", equalTo(5));
        Games.draws(p, game, Map.of()).then().body("totals.won", equalTo(5)).body("totals.budgetSpent", equalTo(35));
        long issued = customers.stream().mapToLong(c -> asAdmin().queryParam("customerId", c)
                .get("/api/v1/redemptions").jsonPath().getList("items").size()).sum();
        assertEquals(5, issued, "one reward per win, no more");
    }

    @Test
    void theDailyBudgetHoldsUnderConcurrentOrders() throws Exception {
        String p = Games.programme();
        Map<String, Object> body = Games.game(1, Map.of("points", 10));
        body.put("dailyWinBudget", 3);
        body.put("totalWinBudget", 100);
        String game = Games.create(p, body);
        List<String> customers = java.util.stream.IntStream.range(0, 6).mapToObj(i -> Fixtures.member(p)).toList();
        List<String> outcomes = TestSupport.parallel(30, () -> Games.post(
                        Games.order(customers.get((int) (Math.random() * customers.size())), "x", "10"))
                .then().statusCode(201).extract().<String>path("gamification.draws[0].outcome"));
        assertEquals(3, outcomes.stream().filter("WON"::equals).count(), "outcomes: " + outcomes);
        asAdmin().get("/api/v1/programmes/" + p + "/games/" + game).then().body("wins", equalTo(3));
        long points = customers.stream().mapToLong(c -> Fixtures.ledgerSum(c, p)).sum();
        assertEquals(30 * 10 + 3 * 10, points, "30 orders of 10 points, 3 prizes of 10");
    }

    @Test
    void aRewardPrizeIsIssuedAsAGrantWhileStockLasts() {
        String p = Games.programme();
        String reward = Games.reward(p, 1);
        String game = Games.create(p, Games.game(1, Map.of("rewardId", reward)));
        String c = Fixtures.member(p);
        Response won = Games.post(Games.order(c, "x", "10"));
        won.then().statusCode(201).body("gamification.draws[0].outcome", equalTo("WON"))
                .body("gamification.draws[0].prize.rewardId", equalTo(reward))
                .body("gamification.draws[0].prize.code", notNullValue());
        String redemption = won.path("gamification.draws[0].prize.redemptionId");
        asAdmin().get("/api/v1/redemptions/" + redemption).then().statusCode(200)
                .body("origin", equalTo("GAME")).body("status", equalTo("ISSUED")).body("points", equalTo(0))
                .body("code", equalTo(won.path("gamification.draws[0].prize.code")));
        asAdmin().get("/api/v1/rewards/" + reward).then().body("stock", equalTo(0));

        Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                .body("gamification.draws[0].outcome", equalTo("PRIZE_UNAVAILABLE"))
                .body("gamification.draws[0].prize", nullValue());
        asAdmin().get("/api/v1/programmes/" + p + "/games/" + game).then().body("wins", equalTo(1));
    }

    @Test
    void aFullReturnCancelsAnUnusedRewardPrizeAndKeepsAUsedOne() {
        String p = Games.programme();
        String game = Games.create(p, Games.game(1, Map.of("rewardId", Games.reward(p, null))));
        String c = Fixtures.member(p);
        Response unused = Games.post(Games.order(c, "x", "10"));
        Response used = Games.post(Games.order(c, "x", "10"));
        String unusedX = unused.path("gamification.draws[0].prize.redemptionId");
        String usedX = used.path("gamification.draws[0].prize.redemptionId");
        asAdmin().body(Map.of("orderExternalId", "till-9")).post("/api/v1/redemptions/" + usedX + "/use")
                .then().statusCode(200);
        // a partial return leaves the prize alone
        returnAmount(unused.path("id"), 4).then().statusCode(201);
        asAdmin().get("/api/v1/redemptions/" + unusedX).then().body("status", equalTo("ISSUED"));

        returnAmount(unused.path("id"), 6).then().statusCode(201).body("orderStatus", equalTo("RETURNED"));
        returnAll(used.path("id")).then().statusCode(201);
        asAdmin().get("/api/v1/redemptions/" + unusedX).then().body("status", equalTo("CANCELLED"));
        asAdmin().get("/api/v1/redemptions/" + usedX).then().body("status", equalTo("USED"));
        Map<String, Map<String, Object>> draws = drawsByOrder(p, game);
        assertEquals("reward cancelled (unused)", draws.get((String) unused.path("id")).get("revoked"));
        assertTrue(((String) draws.get((String) used.path("id")).get("revoked")).startsWith("reward kept"));
        Games.draws(p, game, Map.of()).then().body("totals.revoked", equalTo(2)).body("totals.won", equalTo(2));
        // the win happened: the budget counter is not given back
        asAdmin().get("/api/v1/programmes/" + p + "/games/" + game).then().body("wins", equalTo(2));
    }

    @Test
    void aFullReturnReversesOnlyTheUnspentBonusPoints() {
        String p = Games.programme();
        String game = Games.create(p, Games.game(1, Map.of("points", 100)));
        String c = Fixtures.member(p);
        Response untouched = Games.post(Games.order(c, "x", "10"));
        returnAll(untouched.path("id")).then().statusCode(201);
        assertEquals(0L, Fixtures.ledgerSum(c, p), "the order's 10 points and the 100 bonus points are reversed");

        String d = Fixtures.member(p);
        Response spent = Games.post(Games.order(d, "x", "10"));
        // 105 of the 110 points are spent: the 10 earned first, then 95 of the bonus
        Map<String, Object> rewardBody = new HashMap<>(Map.of("programmeId", p, "name", TestSupport.unique("r"),
                "type", "FREE_PRODUCT", "sku", "X", "cost", 105));
        String reward = asAdmin().body(rewardBody).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", d, "rewardId", reward)).post("/api/v1/redemptions").then().statusCode(201);
        returnAll(spent.path("id")).then().statusCode(201);
        assertEquals("5 unspent points reversed, 95 spent kept", drawsByOrder(p, game).get((String) spent.path("id")).get("revoked"));
        // 110 - 105 spent - 5 bonus reversed - 10 earned reversed: the order's points were spent, a debt of 10
        assertEquals(-10L, Fixtures.ledgerSum(d, p));
        asAdmin().queryParam("programmeId", p).get("/api/v1/customers/" + d + "/points/ledger").then()
                .body("items.findAll { it.type == 'REVERSE' && it.ruleId == 'game:" + game + "' }.points", equalTo(List.of(-5)));
    }

    @Test
    void aSuppressedCustomerPlaysNoGame() {
        String p = Games.programme();
        String game = Games.create(p, Games.game(1, Map.of("points", 50)));
        String c = Fixtures.member(p);
        SuppressedCustomers.SUPPRESSED.add(UUID.fromString(c));
        try {
            Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                    .body("gamification.suppressed", equalTo("OPEN_INCIDENT"))
                    .body("gamification.draws", hasSize(0));
            Games.draws(p, game, Map.of()).then().body("totals.draws", equalTo(0));
            assertEquals(10L, Fixtures.ledgerSum(c, p), "earning is untouched, only the promotion is withheld");
        } finally {
            SuppressedCustomers.SUPPRESSED.remove(UUID.fromString(c));
        }
        Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                .body("gamification.suppressed", nullValue())
                .body("gamification.draws[0].outcome", equalTo("WON"));
        assertEquals(70L, Fixtures.ledgerSum(c, p));
    }

    @Test
    void aGameIsChangedOrEndedByAPatchAndEachDrawKeepsItsProbability() {
        String p = Games.programme();
        Map<String, Object> body = Games.game(1, Map.of("points", 5));
        body.put("totalWinBudget", 10);
        String game = Games.create(p, body);
        String url = "/api/v1/programmes/" + p + "/games/" + game;
        String c = Fixtures.member(p);
        Games.post(Games.order(c, "x", "10")).then().body("gamification.draws[0].outcome", equalTo("WON"));
        Games.post(Games.order(c, "x", "10")).then().body("gamification.draws[0].outcome", equalTo("WON"));

        asAdmin().contentType("application/merge-patch+json").body(Map.of("totalWinBudget", 1)).patch(url)
                .then().statusCode(409).body("type", equalTo("urn:loyalty:problem:game-budget"));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("probability", "0.000001", "totalWinBudget", 2))
                .patch(url).then().statusCode(200).body("probability", equalTo(0.000001f)).body("wins", equalTo(2))
                .body("totalWinBudget", equalTo(2)).body("prize.points", equalTo(5));
        Games.post(Games.order(c, "x", "10")).then().body("gamification.draws[0].probability", equalTo(0.000001f));
        List<Double> probabilities = Games.draws(p, game, Map.of()).jsonPath().getList("items.probability", Double.class);
        assertEquals(List.of(1.0, 1.0, 0.000001), probabilities);

        asAdmin().contentType("application/merge-patch+json")
                .body(Map.of("validTo", java.time.Instant.now().minusSeconds(300).toString())).patch(url).then().statusCode(200);
        Games.post(Games.order(c, "x", "10")).then().statusCode(201).body("gamification", nullValue());
        asAdmin().contentType("application/merge-patch+json").body(Map.of("probability", 2)).patch(url).then().statusCode(400);
        asRole("STOREFRONT").contentType("application/merge-patch+json").body(Map.of("probability", 0.5)).patch(url)
                .then().statusCode(403);
    }

    @Test
    void gamesAreDefinedByAnAdminAndChecked() {
        String p = Games.programme();
        String url = "/api/v1/programmes/" + p + "/games";
        Response created = asAdmin().body(Games.game(0.25, Map.of("points", 5))).post(url);
        created.then().statusCode(201).header("Location", containsString(url + "/" + created.path("id")))
                .body("probability", equalTo(0.25f)).body("minAmount", equalTo(0)).body("wins", equalTo(0))
                .body("prize.points", equalTo(5));
        asRole("STOREFRONT").get(url).then().statusCode(200).body("items", hasSize(1));
        asRole("STOREFRONT").body(Games.game(0.25, Map.of("points", 5))).post(url).then().statusCode(403);
        asRole("STOREFRONT").get(url + "/" + created.path("id") + "/draws").then().statusCode(403);
        asAdmin().get("/api/v1/programmes/" + UUID.randomUUID() + "/games").then().statusCode(404);
        asAdmin().get("/api/v1/programmes/" + Games.programme() + "/games/" + created.path("id")).then().statusCode(404);

        asAdmin().body(Games.game(0, Map.of("points", 5))).post(url).then().statusCode(400)
                .body("violations[0].field", containsString("probability"));
        asAdmin().body(Games.game(1.5, Map.of("points", 5))).post(url).then().statusCode(400);
        asAdmin().body(Games.game(0.1234567, Map.of("points", 5))).post(url).then().statusCode(400);
        asAdmin().body(Games.game(0.5, Map.of())).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("prize"));
        asAdmin().body(Games.game(0.5, Map.of("points", 5, "rewardId", Games.reward(p, null)))).post(url)
                .then().statusCode(400);
        asAdmin().body(Games.game(0.5, Map.of("rewardId", Games.reward(Games.programme(), null)))).post(url)
                .then().statusCode(422).body("type", equalTo("urn:loyalty:problem:unknown-reward"));
        Map<String, Object> window = Games.game(0.5, Map.of("points", 5));
        window.put("validFrom", "2027-01-01T00:00:00Z");
        window.put("validTo", "2026-01-01T00:00:00Z");
        asAdmin().body(window).post(url).then().statusCode(400);
        asAdmin().body(Map.of("status", "CLOSED")).contentType("application/merge-patch+json")
                .patch("/api/v1/programmes/" + p).then().statusCode(200);
        asAdmin().body(Games.game(0.5, Map.of("points", 5))).post(url).then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:programme-closed"));
        assertNotNull(created.path("createdAt"));
    }

    static Response returnAll(String orderId) {
        Map<String, Object> order = asAdmin().get("/api/v1/orders/" + orderId).jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
        return asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("lines", lines.stream().map(l -> Map.of("lineNo", l.get("lineNo"),
                        "quantity", (Integer) l.get("quantity") - (Integer) l.get("returnedQuantity"))).toList()))
                .post("/api/v1/orders/" + orderId + "/returns");
    }

    static Response returnAmount(String orderId, double amount) {
        return asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("amount", amount))
                .post("/api/v1/orders/" + orderId + "/returns");
    }

    static Map<String, Map<String, Object>> drawsByOrder(String p, String game) {
        Map<String, Map<String, Object>> result = new HashMap<>();
        for (Map<String, Object> d : Games.draws(p, game, Map.of("limit", 500)).jsonPath().<Map<String, Object>>getList("items")) {
            result.put((String) d.get("orderId"), d);
        }
        return result;
    }
}
