package io.loyalty.ledger;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.loyalty.Fixtures.order;
import static io.loyalty.Fixtures.post;
import static io.loyalty.Fixtures.spend;
import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
public class ExpiryTest {

    static String programme(Map<String, Object> expiry) {
        Map<String, Object> body = Fixtures.programmeBody(List.of(spend("spend", 1)));
        body.put("expiry", expiry);
        return Fixtures.programme(body);
    }

    static void orderDaysAgo(String customer, int days, String amount) {
        Map<String, Object> o = order(customer, new Object[]{"A", "x", 1, amount});
        o.put("placedAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(days).toString());
        post(o).then().statusCode(201);
    }

    static Response run(String programme, String asOf) {
        var req = asAdmin();
        if (asOf != null) {
            req.queryParam("asOf", asOf);
        }
        return req.post("/api/v1/programmes/" + programme + "/expiry-runs");
    }

    static long balance(String c, String p) {
        return ((Number) Fixtures.balance(c, p).get("balance")).longValue();
    }

    @Test
    void afterPolicyExpiresEachLotOnItsDateAndOnlyOnce() {
        String p = programme(Map.of("type", "AFTER", "after", "P30D"));
        String c = Fixtures.member(p);
        orderDaysAgo(c, 40, "100");  // due 10 days ago
        orderDaysAgo(c, 5, "7");     // due in 25 days

        run(p, OffsetDateTime.now(ZoneOffset.UTC).minusDays(20).toString()).then().statusCode(201)
                .body("points", equalTo(0));
        assertEquals(107, balance(c, p));

        Response r = run(p, null);
        r.then().statusCode(201)
                .header("Location", matchesPattern(".*/expiry-runs/[0-9a-f-]{36}$"))
                .body("lots", equalTo(1))
                .body("points", equalTo(100));
        asAdmin().get(r.header("Location")).then().statusCode(200).body("points", equalTo(100));
        run(p, null).then().statusCode(201).body("points", equalTo(0));

        Map<String, Object> b = Fixtures.balance(c, p);
        assertEquals(7, ((Number) b.get("balance")).intValue());
        assertEquals(100, ((Number) b.get("expired")).intValue());
        assertEquals(7, ((Number) b.get("expiringIn30Days")).intValue());
        assertEquals(7L, Fixtures.ledgerSum(c, p));
        asAdmin().queryParam("programmeId", p).get("/api/v1/customers/" + c + "/points/ledger").then()
                .body("items.find { it.type == 'EXPIRE' }.points", equalTo(-100))
                .body("items.find { it.type == 'EXPIRE' }.allocations[0].points", equalTo(100));
    }

    @Test
    void endOfPeriodPolicyExpiresAtTheEndOfTheCalendarPeriod() {
        String p = programme(Map.of("type", "END_OF_PERIOD", "period", "MONTH", "periods", 0));
        String c = Fixtures.member(p);
        orderDaysAgo(c, 40, "30");   // earned in an earlier month: expired at that month's end
        orderDaysAgo(c, 0, "4");     // this month: expires at its end
        run(p, null).then().statusCode(201).body("points", equalTo(30));
        assertEquals(4, balance(c, p));
    }

    @Test
    void inactivityPolicyExpiresEverythingAfterNDaysWithoutAnOrder() {
        String p = programme(Map.of("type", "INACTIVITY", "inactivityDays", 30));
        String idle = Fixtures.member(p);
        orderDaysAgo(idle, 50, "20");
        orderDaysAgo(idle, 35, "30");
        String active = Fixtures.member(p);
        orderDaysAgo(active, 50, "20");
        orderDaysAgo(active, 3, "5");

        run(p, null).then().statusCode(201).body("memberships", equalTo(1)).body("points", equalTo(50));
        assertEquals(0, balance(idle, p));
        assertEquals(25, balance(active, p));
        assertEquals(0L, Fixtures.ledgerSum(idle, p));
    }

    @Test
    void neverPolicyNeverExpires() {
        String p = programme(Map.of("type", "NEVER"));
        String c = Fixtures.member(p);
        orderDaysAgo(c, 2000, "10");
        run(p, null).then().statusCode(201).body("points", equalTo(0));
        assertEquals(10, balance(c, p));
    }

    @Test
    void concurrentRunsExpireEachPointOnce() throws Exception {
        String p = programme(Map.of("type", "AFTER", "after", "P1D"));
        String c1 = Fixtures.member(p);
        String c2 = Fixtures.member(p);
        orderDaysAgo(c1, 3, "60");
        orderDaysAgo(c2, 3, "40");
        List<Integer> expired = TestSupport.parallel(6, () -> run(p, null).then().statusCode(201)
                .extract().<Integer>path("points"));
        assertEquals(100, expired.stream().mapToInt(Integer::intValue).sum(), "runs " + expired);
        assertEquals(0L, Fixtures.ledgerSum(c1, p));
        assertEquals(0L, Fixtures.ledgerSum(c2, p));
    }

    @Test
    void badRunsAre4xx() {
        String p = programme(Map.of("type", "NEVER"));
        run(p, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()).then().statusCode(400)
                .body("violations[0].field", equalTo("asOf"));
        run(p, "soon").then().statusCode(400);
        run(java.util.UUID.randomUUID().toString(), null).then().statusCode(404);
        asRole("STOREFRONT").post("/api/v1/programmes/" + p + "/expiry-runs").then().statusCode(403);
        asRole("ANALYST").get("/api/v1/programmes/" + p + "/expiry-runs").then().statusCode(200);
        Map<String, Object> badPolicy = Fixtures.programmeBody(List.of());
        badPolicy.put("expiry", Map.of("type", "AFTER", "after", "thirty days"));
        asAdmin().body(badPolicy).post("/api/v1/programmes").then().statusCode(400)
                .body("violations[0].field", equalTo("expiry.after"));
    }
}
