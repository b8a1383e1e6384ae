package io.loyalty.tier;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.restassured.response.Response;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.Fixtures.spend;
import static io.loyalty.TestSupport.asAdmin;

/** Builds tiered and paid programmes, orders and payments through the API for the tier tests. */
final class Tiers {
    private Tiers() {
    }

    /** Red (0), Silver (100, x1.5, free_shipping), Gold (300, x2, lounge_access); 1 point per rupee. */
    static Map<String, Object> scheme(String basis, String window, Integer months, String downgrade, Integer graceDays) {
        Map<String, Object> s = new HashMap<>();
        s.put("basis", basis);
        s.put("window", window);
        s.put("months", months);
        s.put("downgrade", downgrade);
        s.put("graceDays", graceDays);
        s.put("levels", List.of(
                Map.of("name", "Red", "threshold", 0),
                Map.of("name", "Silver", "threshold", 100, "multiplier", 1.5, "benefits", List.of("free_shipping")),
                Map.of("name", "Gold", "threshold", 300, "multiplier", 2, "benefits", List.of("lounge_access"))));
        return s;
    }

    static String tiered(String downgrade, Integer graceDays) {
        return programme(scheme("POINTS", "CALENDAR_YEAR", null, downgrade, graceDays), null);
    }

    static Map<String, Object> fee() {
        return Map.of("amount", 999, "currency", "INR", "period", "P1Y", "multiplier", 1.5,
                "benefits", List.of("free_shipping", "early_access"));
    }

    static String programme(Map<String, Object> tiers, Map<String, Object> fee) {
        Map<String, Object> body = Fixtures.programmeBody(List.of(spend("spend", 1)));
        body.put("timezone", "Asia/Kolkata");
        if (tiers != null) {
            body.put("tiers", tiers);
        }
        if (fee != null) {
            body.put("fee", fee);
        }
        return Fixtures.programme(body);
    }

    /** Posts a one-line order worth {@code amount}, placed at {@code placedAt} (null: a minute ago). */
    static Response order(String customer, String amount, OffsetDateTime placedAt) {
        Map<String, Object> o = Fixtures.order(customer, new Object[]{"A", "x", 1, amount});
        if (placedAt != null) {
            o.put("placedAt", placedAt.toString());
        }
        Response r = Fixtures.post(o);
        r.then().statusCode(201);
        return r;
    }

    static Map<String, Object> accrual(Response order, String programme) {
        return Fixtures.accrual(order, programme);
    }

    static Response status(String programme, String customer) {
        Response r = asAdmin().get("/api/v1/programmes/" + programme + "/members/" + customer + "/status");
        r.then().statusCode(200);
        return r;
    }

    static List<Map<String, Object>> history(String programme, String customer) {
        return asAdmin().get("/api/v1/programmes/" + programme + "/members/" + customer + "/tier-history")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static Response review(String programme, String asOf) {
        var req = asAdmin();
        if (asOf != null) {
            req.queryParam("asOf", asOf);
        }
        return req.post("/api/v1/programmes/" + programme + "/tier-reviews");
    }

    static Response pay(String programme, String customer, String key, Map<String, Object> body) {
        return asAdmin().header("Idempotency-Key", key).body(body)
                .post("/api/v1/programmes/" + programme + "/members/" + customer + "/payments");
    }

    static Response pay(String programme, String customer) {
        return pay(programme, customer, UUID.randomUUID().toString(), Map.of("amount", 999, "currency", "INR"));
    }

    static String reward(String programme, Map<String, Object> eligibility) {
        Map<String, Object> b = new HashMap<>();
        b.put("programmeId", programme);
        b.put("name", TestSupport.unique("reward"));
        b.put("type", "DISCOUNT_AMOUNT");
        b.put("amount", 50);
        b.put("cost", 10);
        b.put("eligibility", eligibility);
        return asAdmin().body(b).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
    }

    static Response redeem(String customer, String reward) {
        return asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", customer, "rewardId", reward)).post("/api/v1/redemptions");
    }

    static OffsetDateTime utc(String iso) {
        return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String loyaltyPath(String customer) {
        return "/api/v1/customers/" + customer + "/loyalty";
    }

    static Map<String, Object> loyaltyOf(String customer, String programme) {
        List<Map<String, Object>> programmes = asAdmin().get(loyaltyPath(customer)).then().statusCode(200)
                .extract().jsonPath().getList("programmes");
        return programmes.stream().filter(p -> programme.equals(p.get("programmeId"))).findFirst().orElseThrow();
    }
}
