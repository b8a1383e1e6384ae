package io.loyalty.reward;

import io.loyalty.TestSupport;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.Fixtures.spend;
import static io.loyalty.TestSupport.asAdmin;

/** Builds catalogues, points and redemptions through the API for the reward tests. */
final class Rewards {
    private Rewards() {
    }

    /** An ACTIVE OPT_IN points programme (no expiry). */
    static String programme() {
        return io.loyalty.Fixtures.programme(List.of(spend("spend", 1)));
    }

    static Map<String, Object> body(String programme, String type, long cost) {
        Map<String, Object> b = new HashMap<>();
        b.put("programmeId", programme);
        b.put("name", TestSupport.unique("reward"));
        b.put("type", type);
        b.put("cost", cost);
        switch (type) {
            case "DISCOUNT_AMOUNT" -> b.put("amount", 50);
            case "DISCOUNT_PERCENT" -> b.put("percent", 10);
            case "FREE_PRODUCT" -> b.put("sku", "CHAI");
            case "SERVICE", "EXPERIENCE" -> b.put("subject", "Something nice");
            case "EARLY_ACCESS" -> {
                b.put("subject", "A launch");
                b.put("startsAt", "2027-01-01T00:00:00Z");
            }
            case "CUSTOM" -> b.put("description", "Something bespoke");
            default -> {
            }
        }
        return b;
    }

    static String reward(Map<String, Object> body) {
        return asAdmin().body(body).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
    }

    static String reward(String programme, long cost) {
        return reward(body(programme, "DISCOUNT_AMOUNT", cost));
    }

    /** A member of the programme holding the given points (one ADMIN adjustment). */
    static String memberWith(String programme, long points) {
        String c = io.loyalty.Fixtures.member(programme);
        if (points > 0) {
            credit(c, programme, points);
        }
        return c;
    }

    static Response credit(String customer, String programme, long points) {
        return asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("programmeId", programme, "points", points, "reason", "test credit"))
                .post("/api/v1/customers/" + customer + "/points/adjustments");
    }

    static Response redeem(String customer, String reward) {
        return redeem(customer, reward, UUID.randomUUID().toString());
    }

    static Response redeem(String customer, String reward, String key) {
        return asAdmin().header("Idempotency-Key", key).body(Map.of("customerId", customer, "rewardId", reward))
                .post("/api/v1/redemptions");
    }

    static long available(String customer, String programme) {
        return ((Number) io.loyalty.Fixtures.balance(customer, programme).get("available")).longValue();
    }

    static Integer stock(String reward) {
        return asAdmin().get("/api/v1/rewards/" + reward).then().statusCode(200).extract().path("stock");
    }
}
