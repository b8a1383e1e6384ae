package io.loyalty.order;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.loyalty.Fixtures.accrual;
import static io.loyalty.Fixtures.balance;
import static io.loyalty.Fixtures.order;
import static io.loyalty.Fixtures.post;
import static io.loyalty.Fixtures.spend;
import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each earning rule type, against the real database, through the API. */
@QuarkusTest
public class OrderAccrualTest {

    @Test
    void spendEarnsPerCurrencyUnitOfLinesMinusDiscountRoundedDownNeverOnShipping() {
        String p = Fixtures.programme(List.of(spend("spend", 0.1)));
        String c = Fixtures.member(p);
        Map<String, Object> o = order(c, new Object[]{"CHAI", "drinks", 3, "60.00"}, new Object[]{"CAKE", "snacks", 1, "129.99"});
        o.put("discount", "10.00");
        o.put("shipping", "45.00");
        o.put("total", "344.99"); // 180 + 129.99 - 10 + 45
        Response r = post(o);
        r.then().statusCode(201);
        // eligible spend 299.99 x 0.1 = 29.999 -> 29
        Map<String, Object> block = accrual(r, p);
        assertEquals(29, ((Number) block.get("points")).intValue());
        assertEquals(29, ((Number) block.get("balance")).intValue());
        assertEquals("spend", ((List<Map<String, Object>>) block.get("items")).get(0).get("ruleId"));
        assertEquals(29, ((Number) balance(c, p).get("available")).intValue());
        assertEquals(29L, Fixtures.ledgerSum(c, p));
    }

    @Test
    void minimumOrderAmountAndValidityWindowAreRespected() {
        Map<String, Object> min = spend("min", 1);
        min.put("minOrderAmount", 100);
        Map<String, Object> expired = spend("over", 5);
        expired.put("validFrom", "2020-01-01T00:00:00Z");
        expired.put("validTo", "2021-01-01T00:00:00Z");
        String p = Fixtures.programme(List.of(min, expired));
        String c = Fixtures.member(p);
        assertEquals(0, ((Number) accrual(post(order(c, new Object[]{"A", "x", 1, "99.99"})), p).get("points")).intValue());
        assertEquals(100, ((Number) accrual(post(order(c, new Object[]{"A", "x", 1, "100"})), p).get("points")).intValue());
    }

    @Test
    void multiplierAddsABonusOnTheMatchingLinesOnTopOfSpend() {
        Map<String, Object> x3 = new HashMap<>(Map.of("id", "snacks-x3", "type", "MULTIPLIER", "multiplier", 3));
        x3.put("categories", List.of("snacks"));
        Map<String, Object> sku = new HashMap<>(Map.of("id", "cake-x2", "type", "MULTIPLIER", "multiplier", 2));
        sku.put("skus", List.of("CAKE"));
        String p = Fixtures.programme(List.of(spend("spend", 1), x3, sku));
        String c = Fixtures.member(p);
        Response r = post(order(c, new Object[]{"CHAI", "drinks", 1, "50"}, new Object[]{"SAMOSA", "snacks", 2, "25"},
                new Object[]{"CAKE", "bakery", 1, "10"}));
        Map<String, Object> block = accrual(r, p);
        // spend 110; snacks bonus 50 x (3-1) = 100; cake bonus 10 x (2-1) = 10
        assertEquals(220, ((Number) block.get("points")).intValue());
        List<Map<String, Object>> items = (List<Map<String, Object>>) block.get("items");
        assertEquals(Map.of("spend", 110, "snacks-x3", 100, "cake-x2", 10),
                Map.of((String) items.get(0).get("ruleId"), ((Number) items.get(0).get("points")).intValue(),
                        (String) items.get(1).get("ruleId"), ((Number) items.get(1).get("points")).intValue(),
                        (String) items.get(2).get("ruleId"), ((Number) items.get(2).get("points")).intValue()));
    }

    @Test
    void stampCardsCompleteAndStartOverWithAnEntitlementPerCard() {
        Map<String, Object> card = new HashMap<>(Map.of("id", "chai-card", "type", "STAMP", "stampsRequired", 4,
                "per", "UNIT", "reward", "A free chai"));
        card.put("skus", List.of("CHAI"));
        Map<String, Object> visits = new HashMap<>(Map.of("id", "visits", "type", "STAMP", "stampsRequired", 3,
                "per", "ORDER", "reward", "A free samosa"));
        String p = Fixtures.programme(List.of(card, visits));
        String c = Fixtures.member(p);

        Map<String, Object> first = stamps(post(order(c, new Object[]{"CHAI", "drinks", 3, "60"})), p, "chai-card");
        assertEquals(3, first.get("earned"));
        assertEquals(3, first.get("onCard"));
        assertEquals(0, first.get("cardsCompleted"));
        Map<String, Object> second = stamps(post(order(c, new Object[]{"CHAI", "drinks", 6, "60"},
                new Object[]{"CAKE", "bakery", 1, "10"})), p, "chai-card");
        assertEquals(6, second.get("earned"));
        assertEquals(1, second.get("onCard"));      // 3 + 6 = 9 = two cards of 4, one stamp over
        assertEquals(2, second.get("cardsCompleted"));
        assertEquals("A free chai", second.get("reward"));
        Map<String, Object> visit = stamps(post(order(c, new Object[]{"CAKE", "bakery", 5, "10"})), p, "visits");
        assertEquals(1, visit.get("earned"));
        assertEquals(1, visit.get("cardsCompleted"), "the third order completes the three-visit card");
        assertEquals(0, visit.get("onCard"));
        assertEquals(0, ((Number) balance(c, p).get("balance")).intValue(), "stamps are not points");

        asAdmin().get("/api/v1/customers/" + c + "/loyalty").then().statusCode(200)
                .body("programmes.find { it.programmeId == '" + p + "' }.stampCards.find { it.ruleId == 'chai-card' }.onCard", equalTo(1))
                .body("programmes.find { it.programmeId == '" + p + "' }.entitlements.size()", equalTo(3))
                .body("programmes.find { it.programmeId == '" + p + "' }.entitlements.findAll { it.ruleId == 'chai-card' }.size()", equalTo(2));
    }

    @Test
    void dailyCapsLimitWhatARuleGivesPerCustomer() {
        Map<String, Object> capped = spend("capped", 1);
        capped.put("capPerDay", 150);
        capped.put("capPerMonth", 1000);
        String p = Fixtures.programme(List.of(capped));
        String c = Fixtures.member(p);
        Response first = post(order(c, new Object[]{"A", "x", 1, "100"}));
        assertEquals(100, ((Number) accrual(first, p).get("points")).intValue());
        Response second = post(order(c, new Object[]{"A", "x", 1, "100"}));
        Map<String, Object> block = accrual(second, p);
        assertEquals(50, ((Number) block.get("points")).intValue());
        assertEquals(true, ((List<Map<String, Object>>) block.get("items")).get(0).get("capped"));
        assertEquals(0, ((Number) accrual(post(order(c, new Object[]{"A", "x", 1, "100"})), p).get("points")).intValue());
        // Another day has its own daily allowance.
        Map<String, Object> yesterday = order(c, new Object[]{"A", "x", 1, "100"});
        yesterday.put("placedAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).toString());
        assertEquals(100, ((Number) accrual(post(yesterday), p).get("points")).intValue());
        assertEquals(250L, Fixtures.ledgerSum(c, p));
    }

    @Test
    void pendingPointsBecomeAvailableAfterTheReturnWindow() {
        Map<String, Object> body = Fixtures.programmeBody(List.of(spend("spend", 1)));
        body.put("pendingDays", 14);
        String p = Fixtures.programme(body);
        String c = Fixtures.member(p);
        post(order(c, new Object[]{"A", "x", 1, "40"})).then().statusCode(201);
        Map<String, Object> old = order(c, new Object[]{"A", "x", 1, "60"});
        old.put("placedAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(15).toString());
        post(old).then().statusCode(201);
        Map<String, Object> b = balance(c, p);
        assertEquals(100, ((Number) b.get("balance")).intValue());
        assertEquals(40, ((Number) b.get("pending")).intValue());
        assertEquals(60, ((Number) b.get("available")).intValue());
    }

    @Test
    void ordersOfNonMembersOrInactiveProgrammesEarnNothingAndNaturalProgrammesOnlyMeasure() {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String outsider = Fixtures.customer();
        assertNull(accrual(post(order(outsider, new Object[]{"A", "x", 1, "10"})), p));

        Map<String, Object> draft = Fixtures.programmeBody(List.of(spend("spend", 1)));
        draft.put("status", "DRAFT");
        String d = Fixtures.programme(draft);
        String member = Fixtures.member(d);
        assertNull(accrual(post(order(member, new Object[]{"A", "x", 1, "10"})), d));

        Map<String, Object> natural = Fixtures.programmeBody(List.of());
        natural.put("kind", "NATURAL");
        String n = Fixtures.programme(natural);
        asAdmin().get("/api/v1/programmes/" + n).then().statusCode(200).body("kind", equalTo("NATURAL"));
        Map<String, Object> naturalWithRules = Fixtures.programmeBody(List.of(spend("spend", 1)));
        naturalWithRules.put("kind", "NATURAL");
        asAdmin().body(naturalWithRules).post("/api/v1/programmes").then().statusCode(400)
                .body("violations[0].field", equalTo("rules"));
    }

    @Test
    void accrueFalseStoresHistoryWithoutEarning() {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.member(p);
        Map<String, Object> o = order(c, new Object[]{"A", "x", 1, "500"});
        o.put("accrue", false);
        o.put("placedAt", "2019-03-01T10:00:00+05:30");
        Response r = post(o);
        r.then().statusCode(201).body("accrue", equalTo(false)).body("accrual.size()", equalTo(0))
                .body("placedAt", equalTo(Instant.parse("2019-03-01T04:30:00Z").toString()));
        assertEquals(0, ((Number) balance(c, p).get("balance")).intValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stamps(Response order, String programmeId, String ruleId) {
        order.then().statusCode(201);
        List<Map<String, Object>> stamps = (List<Map<String, Object>>) accrual(order, programmeId).get("stamps");
        return stamps.stream().filter(s -> ruleId.equals(s.get("ruleId"))).findFirst().orElseThrow();
    }
}
