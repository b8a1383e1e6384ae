package io.loyalty.order;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.Fixtures.order;
import static io.loyalty.Fixtures.post;
import static io.loyalty.Fixtures.spend;
import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
public class ReturnTest {

    static Response returnItems(String orderId, String key, Map<String, Object> body) {
        return asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/orders/" + orderId + "/returns");
    }

    static Map<String, Object> lines(Object... lineNoAndQuantity) {
        List<Map<String, Object>> ls = new java.util.ArrayList<>();
        for (int i = 0; i < lineNoAndQuantity.length; i += 2) {
            ls.add(Map.of("lineNo", lineNoAndQuantity[i], "quantity", lineNoAndQuantity[i + 1]));
        }
        return Map.of("lines", ls, "reason", "test");
    }

    @Test
    void partialReturnsReverseProportionallyAndAFullReturnCancelsTheOrder() {
        Map<String, Object> x2 = new HashMap<>(Map.of("id", "snacks-x2", "type", "MULTIPLIER", "multiplier", 2));
        x2.put("categories", List.of("snacks"));
        String p = Fixtures.programme(List.of(spend("spend", 1), x2));
        String c = Fixtures.member(p);
        // spend 100 + 3 x 30 = 190; snacks bonus on 90 = 90; total 280
        Response o = post(order(c, new Object[]{"CHAI", "drinks", 1, "100"}, new Object[]{"SAMOSA", "snacks", 3, "30"}));
        String id = o.path("id");
        assertEquals(280, ((Number) Fixtures.accrual(o, p).get("points")).intValue());

        Response first = returnItems(id, UUID.randomUUID().toString(), lines(2, 1));
        // one samosa of 30: spend 190 x 30/190 = 30, bonus 90 x 30/90 = 30
        first.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/orders/" + id))
                .body("amount", equalTo(30.0f))
                .body("orderStatus", equalTo("PARTIALLY_RETURNED"))
                .body("reversals[0].points", equalTo(60))
                .body("reversals[0].balance", equalTo(220));
        returnItems(id, UUID.randomUUID().toString(), lines(2, 2)).then().statusCode(201)
                .body("reversals[0].points", equalTo(120));
        returnItems(id, UUID.randomUUID().toString(), lines(1, 1)).then().statusCode(201)
                .body("orderStatus", equalTo("RETURNED"))
                .body("reversals[0].points", equalTo(100))
                .body("reversals[0].balance", equalTo(0));
        asAdmin().get("/api/v1/orders/" + id).then().body("status", equalTo("RETURNED"))
                .body("returnedAmount", equalTo(190.0f))
                .body("lines[1].returnedQuantity", equalTo(3));
        assertEquals(0L, Fixtures.ledgerSum(c, p));
        returnItems(id, UUID.randomUUID().toString(), lines(1, 1)).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:order-returned"));
    }

    @Test
    void returningPointsAlreadySpentLeavesADebtThatLaterEarningsRepay() {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.member(p);
        String id = post(order(c, new Object[]{"A", "x", 1, "100"})).path("id");
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("programmeId", p, "points", -80, "reason", "spent at the till"))
                .post("/api/v1/customers/" + c + "/points/adjustments").then().statusCode(201);

        returnItems(id, UUID.randomUUID().toString(), Map.of("amount", 100)).then().statusCode(201)
                .body("orderStatus", equalTo("RETURNED"))
                .body("reversals[0].balance", equalTo(-80));
        Map<String, Object> b = Fixtures.balance(c, p);
        assertEquals(-80, ((Number) b.get("balance")).intValue());
        assertEquals(80, ((Number) b.get("debt")).intValue());
        assertEquals(-80, ((Number) b.get("available")).intValue());

        post(order(c, new Object[]{"A", "x", 1, "50"})).then().statusCode(201);
        b = Fixtures.balance(c, p);
        assertEquals(-30, ((Number) b.get("balance")).intValue());
        assertEquals(30, ((Number) b.get("debt")).intValue());
        assertEquals(-30L, Fixtures.ledgerSum(c, p));
    }

    @Test
    void retriesWithTheSameKeyReturnOnceAndBadReturnsAre4xx() {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.member(p);
        String id = post(order(c, new Object[]{"A", "x", 2, "50"})).path("id");
        String key = UUID.randomUUID().toString();
        Response first = returnItems(id, key, lines(1, 1));
        first.then().statusCode(201);
        returnItems(id, key, lines(1, 1)).then().statusCode(200).body("id", equalTo(first.path("id")));
        returnItems(id, key, lines(1, 2)).then().statusCode(409);
        assertEquals(50L, Fixtures.ledgerSum(c, p));

        returnItems(id, UUID.randomUUID().toString(), lines(1, 5)).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:return-exceeds-order"));
        returnItems(id, UUID.randomUUID().toString(), lines(9, 1)).then().statusCode(400);
        returnItems(id, UUID.randomUUID().toString(), Map.of("amount", 500)).then().statusCode(422);
        returnItems(id, UUID.randomUUID().toString(), Map.of()).then().statusCode(400);
        asAdmin().body(lines(1, 1)).post("/api/v1/orders/" + id + "/returns").then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        returnItems(UUID.randomUUID().toString(), UUID.randomUUID().toString(), lines(1, 1)).then().statusCode(404);
    }

    @Test
    void concurrentReturnsOfTheLastUnitSucceedOnce() throws Exception {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.member(p);
        String id = post(order(c, new Object[]{"A", "x", 1, "100"})).path("id");
        List<Integer> codes = io.loyalty.TestSupport.parallel(8,
                () -> returnItems(id, UUID.randomUUID().toString(), lines(1, 1)).statusCode());
        assertEquals(1, codes.stream().filter(x -> x == 201).count(), "codes " + codes);
        assertEquals(7, codes.stream().filter(x -> x == 422).count(), "codes " + codes);
        assertEquals(0L, Fixtures.ledgerSum(c, p));
        Fixtures.assertNoDebtBesidePoints(c, p);
    }

    private static String card(String programme, String customer, String ruleId, String field) {
        return asAdmin().get("/api/v1/customers/" + customer + "/loyalty").then().statusCode(200).extract()
                .path("programmes.find { it.programmeId == '" + programme + "' }.stampCards.find { it.ruleId == '"
                        + ruleId + "' }." + field).toString();
    }

    @Test
    void returnsTakeStampsBackAndWhatACompletedCardUsedBecomesADebt() {
        Map<String, Object> perUnit = new HashMap<>(Map.of("id", "chai-card", "type", "STAMP", "stampsRequired", 4,
                "per", "UNIT", "reward", "A free chai"));
        perUnit.put("skus", List.of("CHAI"));
        Map<String, Object> perOrder = new HashMap<>(Map.of("id", "visits", "type", "STAMP", "stampsRequired", 5,
                "per", "ORDER", "reward", "A free samosa"));
        String p = Fixtures.programme(List.of(perUnit, perOrder));
        String c = Fixtures.member(p);

        // 3 chai on line 1, a cake on line 2: 3 chai stamps (line 1 only), one visit stamp.
        String first = post(order(c, new Object[]{"CHAI", "drinks", 3, "60"}, new Object[]{"CAKE", "bakery", 1, "10"}))
                .path("id");
        returnItems(first, UUID.randomUUID().toString(), lines(2, 1)).then().statusCode(201)
                .body("stamps.size()", equalTo(0));
        returnItems(first, UUID.randomUUID().toString(), lines(1, 1)).then().statusCode(201)
                .body("stamps.size()", equalTo(1))
                .body("stamps[0].ruleId", equalTo("chai-card"))
                .body("stamps[0].stamps", equalTo(1))
                .body("stamps[0].onCard", equalTo(2))
                .body("stamps[0].debt", equalTo(0));
        assertEquals("1", card(p, c, "visits", "onCard"), "a partly returned visit keeps its stamp");
        // The rest of the order comes back: the last two chai stamps and the visit stamp go.
        returnItems(first, UUID.randomUUID().toString(), lines(1, 2)).then().statusCode(201)
                .body("orderStatus", equalTo("RETURNED"))
                .body("stamps.find { it.ruleId == 'chai-card' }.stamps", equalTo(2))
                .body("stamps.find { it.ruleId == 'visits' }.stamps", equalTo(1));
        assertEquals("0", card(p, c, "chai-card", "onCard"));
        assertEquals("0", card(p, c, "visits", "onCard"));

        // Five chai complete a card of four and leave one; returning all five leaves a debt of four.
        String second = post(order(c, new Object[]{"CHAI", "drinks", 5, "60"})).path("id");
        assertEquals("1", card(p, c, "chai-card", "completed"));
        returnItems(second, UUID.randomUUID().toString(), lines(1, 5)).then().statusCode(201)
                .body("stamps.find { it.ruleId == 'chai-card' }.stamps", equalTo(5))
                .body("stamps.find { it.ruleId == 'chai-card' }.onCard", equalTo(0))
                .body("stamps.find { it.ruleId == 'chai-card' }.debt", equalTo(4));
        assertEquals("4", card(p, c, "chai-card", "debt"));
        // The next six chai pay the debt first: two stamps on the card, no new card.
        Response third = post(order(c, new Object[]{"CHAI", "drinks", 6, "60"}));
        third.then().statusCode(201);
        assertEquals("2", card(p, c, "chai-card", "onCard"));
        assertEquals("0", card(p, c, "chai-card", "debt"));
        assertEquals("1", card(p, c, "chai-card", "completed"));
    }

    @Test
    void aReturnedOrderNoLongerCountsAgainstTheDailyCap() {
        Map<String, Object> capped = spend("capped", 1);
        capped.put("capPerDay", 150);
        Map<String, Object> cardRule = new HashMap<>(Map.of("id", "card", "type", "STAMP", "stampsRequired", 10,
                "per", "UNIT", "capPerDay", 3, "reward", "A gift"));
        String p = Fixtures.programme(List.of(capped, cardRule));
        String c = Fixtures.member(p);
        // Every order on the same day, away from midnight, whatever the time the test runs.
        String noon = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1) + "T12:00:00Z";
        Map<String, Object> big = order(c, new Object[]{"A", "x", 4, "50"});
        big.put("placedAt", noon);
        Response first = post(big);
        assertEquals(150, ((Number) Fixtures.accrual(first, p).get("points")).intValue());
        returnItems(first.path("id"), UUID.randomUUID().toString(), lines(1, 4)).then().statusCode(201)
                .body("reversals[0].points", equalTo(150))
                .body("stamps[0].stamps", equalTo(3));
        Map<String, Object> again = order(c, new Object[]{"A", "x", 2, "50"});
        again.put("placedAt", noon);
        Response second = post(again);
        assertEquals(100, ((Number) Fixtures.accrual(second, p).get("points")).intValue(),
                "the returned order gave its 150 back to the day's allowance");
        assertEquals(2, ((Number) ((List<Map<String, Object>>) Fixtures.accrual(second, p).get("stamps")).get(0)
                .get("earned")).intValue());
        assertEquals(100L, Fixtures.ledgerSum(c, p));
    }
}
