package io.loyalty.referral;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@SuppressWarnings("unchecked")
public class ReferralTest {
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    static String code(String customer) {
        return asAdmin().post("/api/v1/customers/" + customer + "/referral-code").then().statusCode(200)
                .extract().path("code");
    }

    static Response register(Map<String, Object> body) {
        return asAdmin().body(body).post("/api/v1/customers");
    }

    static String referred(String code) {
        return register(Map.of("externalId", TestSupport.unique("ref"), "referralCode", code)).then().statusCode(201)
                .extract().path("id");
    }

    static List<Map<String, Object>> referrals(String referrer) {
        return asAdmin().get("/api/v1/customers/" + referrer + "/referrals").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static String orderPlaced(String customer, OffsetDateTime placedAt) {
        Map<String, Object> o = Fixtures.order(customer, new Object[]{"CHAI", "drinks", 1, "100"});
        o.put("placedAt", placedAt.toString());
        return Fixtures.post(o).then().statusCode(201).extract().path("id");
    }

    /** A programme with a 14-day pending period paying 500 to the referrer and 200 to the newcomer. */
    static String programmeWithBonus(Integer cap, String period) {
        Map<String, Object> p = Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1)));
        p.put("pendingDays", 14);
        String id = Fixtures.programme(p);
        Map<String, Object> rule = new HashMap<>();
        rule.put("referrerPoints", 500);
        rule.put("newcomerPoints", 200);
        rule.put("capPerReferrer", cap);
        rule.put("capPeriod", period);
        asAdmin().body(rule).put("/api/v1/programmes/" + id + "/referral-bonus").then().log().ifValidationFails().statusCode(200)
                .body("referrerPoints", equalTo(500));
        return id;
    }

    static Response run(OffsetDateTime asOf) {
        return asAdmin().queryParam("asOf", asOf.toString()).post("/api/v1/referral-bonus-runs");
    }

    /** Sum of the customer's ledger entries of the programme with this reason. */
    static long pointsFor(String customer, String programme, String reason) {
        List<Map<String, Object>> entries = asAdmin().queryParam("programmeId", programme).queryParam("limit", 500)
                .get("/api/v1/customers/" + customer + "/points/ledger").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return entries.stream().filter(e -> reason.equals(e.get("reason")))
                .mapToLong(e -> ((Number) e.get("points")).longValue()).sum();
    }

    @Test
    void aCustomersCodeIsStable() {
        String c = Fixtures.customer();
        String code = code(c);
        assertEquals(code, code(c));
        org.hamcrest.MatcherAssert.assertThat(code, matchesPattern("[2-9A-HJKMNP-Z]{8}"));
        asAdmin().post("/api/v1/customers/" + UUID.randomUUID() + "/referral-code").then().statusCode(404);
    }

    @Test
    void customersCreatedWithACodeAreLinkedDirectlyOrInlineWithAnOrder() {
        String referrer = Fixtures.customer();
        String code = code(referrer);
        String direct = referred(code.toLowerCase());
        Map<String, Object> o = Fixtures.order(null, new Object[]{"CHAI", "drinks", 1, "60"});
        o.remove("customerId");
        o.put("customer", Map.of("externalId", TestSupport.unique("guest"), "email", TestSupport.uniqueEmail(),
                "referralCode", code));
        String inline = Fixtures.post(o).then().statusCode(201).extract().path("customerId");
        // The same guest ordering again with the code is not referred again, and the order is taken.
        o.put("externalId", TestSupport.unique("order"));
        Fixtures.post(o).then().statusCode(201);
        List<Map<String, Object>> list = referrals(referrer);
        assertEquals(List.of(direct, inline), list.stream().map(r -> r.get("referredCustomerId")).toList());
        assertEquals(List.of("PENDING", "PENDING"), list.stream().map(r -> r.get("status")).toList());
        assertEquals(code, list.get(0).get("code"));
    }

    @Test
    void unknownCodesAndSelfReferralsAreRefusedAndCreateNobody() {
        String email = TestSupport.uniqueEmail();
        String referrer = register(Map.of("externalId", TestSupport.unique("r"), "email", email,
                "phone", "+91 98765 00001")).then().statusCode(201).extract().path("id");
        String code = code(referrer);
        String ext = TestSupport.unique("x");
        register(Map.of("externalId", ext, "referralCode", "NOSUCH99")).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:unknown-referral-code"));
        register(Map.of("externalId", ext, "phone", "+91-98765-00001", "referralCode", code)).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:self-referral"));
        asAdmin().queryParam("externalId", ext).get("/api/v1/customers").then().body("items.size()", equalTo(0));
        // At a guest checkout the referrer's own email finds the referrer: the same customer.
        Map<String, Object> o = Fixtures.order(null, new Object[]{"CHAI", "drinks", 1, "60"});
        o.remove("customerId");
        o.put("customer", Map.of("email", email.toUpperCase(), "referralCode", code));
        Fixtures.post(o).then().statusCode(422).body("type", equalTo("urn:loyalty:problem:self-referral"));
        register(Map.of("externalId", ext, "referralCode", "bad code!")).then().statusCode(400);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("referralCode", code))
                .patch("/api/v1/customers/" + Fixtures.customer()).then().statusCode(400);
        assertEquals(0, referrals(referrer).size());
    }

    @Test
    void theBonusIsPaidOnceAfterThePendingPeriodAndOnlyIfTheFirstOrderWasKept() {
        String p = programmeWithBonus(null, null);
        String referrer = Fixtures.customer();
        String code = code(referrer);
        String kept = referred(code);
        String returned = referred(code);
        String noOrder = referred(code);
        OffsetDateTime placed = NOW.minusDays(20);
        String keptOrder = orderPlaced(kept, placed);
        orderPlaced(kept, placed.plusDays(1));
        String returnedOrder = orderPlaced(returned, placed);
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", 100)).post("/api/v1/orders/" + returnedOrder + "/returns")
                .then().statusCode(201).body("orderStatus", equalTo("RETURNED"));

        // One second before the 14 days are over, nothing is paid; the returned first order loses its referral at once.
        run(placed.plusDays(14).minusSeconds(1)).then().statusCode(200);
        assertEquals(0, pointsFor(referrer, p, "referral bonus"));
        assertEquals(0, pointsFor(kept, p, "referral welcome bonus"));
        assertEquals(List.of("PENDING", "LOST", "PENDING"), referrals(referrer).stream().map(r -> r.get("status")).toList());

        run(placed.plusDays(14)).then().statusCode(200);
        run(NOW).then().statusCode(200);
        assertEquals(500, pointsFor(referrer, p, "referral bonus"));
        assertEquals(200, pointsFor(kept, p, "referral welcome bonus"));
        assertEquals(0, pointsFor(returned, p, "referral welcome bonus"));
        List<Map<String, Object>> list = referrals(referrer);
        assertEquals(List.of("CONVERTED", "LOST", "PENDING"), list.stream().map(r -> r.get("status")).toList());
        assertEquals(keptOrder, list.get(0).get("firstOrderId"));
        // Every programme with a rule pays: this test's bonus is the one of its programme.
        Map<String, Object> bonus = ((List<Map<String, Object>>) list.get(0).get("bonuses")).stream()
                .filter(b -> p.equals(b.get("programmeId"))).findFirst().orElseThrow();
        Map<String, Object> expected = new HashMap<>(Map.of("programmeId", p, "referrerPoints", 500, "capped", false,
                "newcomerPoints", 200, "paidAt", placed.plusDays(14).toInstant().toString()));
        expected.put("newcomerReward", null);
        assertEquals(expected, bonus);
        assertEquals(noOrder, list.get(2).get("referredCustomerId"));
        run(NOW.plusDays(1)).then().statusCode(400);
    }

    @Test
    void theReferrersCapLimitsTheirBonusesButNotTheNewcomers() throws Exception {
        String p = programmeWithBonus(2, "EVER");
        String referrer = Fixtures.customer();
        String code = code(referrer);
        List<String> friends = List.of(referred(code), referred(code), referred(code));
        for (String f : friends) {
            orderPlaced(f, NOW.minusDays(30));
        }
        // Several runs at once (as several instances would): each bonus is still paid once.
        List<Integer> statuses = TestSupport.parallel(4, () -> run(NOW).statusCode());
        assertEquals(List.of(200, 200, 200, 200), statuses);
        run(NOW).then().statusCode(200);
        assertEquals(1000, pointsFor(referrer, p, "referral bonus"));
        for (String f : friends) {
            assertEquals(200, pointsFor(f, p, "referral welcome bonus"));
        }
        List<Map<String, Object>> list = referrals(referrer);
        long capped = list.stream().filter(r -> ((List<Map<String, Object>>) r.get("bonuses")).stream()
                .anyMatch(b -> p.equals(b.get("programmeId")) && Boolean.TRUE.equals(b.get("capped")))).count();
        assertEquals(1, capped);
    }
}
