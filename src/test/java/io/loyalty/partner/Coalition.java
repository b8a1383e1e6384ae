package io.loyalty.partner;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.restassured.response.Response;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.as;
import static io.loyalty.TestSupport.asAdmin;

/** A coalition programme and its partners, built through the API. */
final class Coalition {
    final String programme;

    Coalition() {
        Map<String, Object> body = Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1)));
        body.put("expiry", Map.of("type", "AFTER", "after", "P20D"));
        programme = Fixtures.programme(body);
    }

    /** A partner and one PARTNER key of it. */
    record Member(String id, String key, BigDecimal price, BigDecimal rate) {
    }

    Member partner(String issuancePrice, String reimbursementRate, Object earnRate) {
        Map<String, Object> body = new HashMap<>(Map.of("programmeId", programme, "name", TestSupport.unique("partner"),
                "issuancePrice", new BigDecimal(issuancePrice), "reimbursementRate", new BigDecimal(reimbursementRate)));
        if (earnRate != null) {
            body.put("earnRate", earnRate);
        }
        String id = asAdmin().body(body).post("/api/v1/partners").then().statusCode(201).extract().path("id");
        return new Member(id, Fixtures.partnerKey(id), new BigDecimal(issuancePrice), new BigDecimal(reimbursementRate));
    }

    String member() {
        return Fixtures.member(programme);
    }

    static Response order(String key, String customer, String amount, Instant placedAt) {
        Map<String, Object> order = Fixtures.order(customer, new Object[]{"SKU-A", "a", 1, amount},
                new Object[]{"SKU-B", "b", 1, amount});
        order.put("placedAt", placedAt.toString());
        return key == null ? Fixtures.post(order) : as(key).body(order).post("/api/v1/orders");
    }

    String reward(String partnerId, long cost) {
        Map<String, Object> body = new HashMap<>(Map.of("programmeId", programme, "name", TestSupport.unique("reward"),
                "type", "DISCOUNT_AMOUNT", "cost", cost, "amount", 5));
        if (partnerId != null) {
            body.put("partnerId", partnerId);
        }
        return asAdmin().body(body).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
    }

    static Response redeem(String key, String customer, String reward) {
        return (key == null ? asAdmin() : as(key)).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", customer, "rewardId", reward)).post("/api/v1/redemptions");
    }

    static Response returnLine(String key, String orderId, int lineNo) {
        return (key == null ? asAdmin() : as(key)).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("lines", List.of(Map.of("lineNo", lineNo, "quantity", 1))))
                .post("/api/v1/orders/" + orderId + "/returns");
    }

    static long points(Response order, String programme) {
        Map<String, Object> block = Fixtures.accrual(order, programme);
        return block == null ? 0 : ((Number) block.get("points")).longValue();
    }

    static Response statement(String key, String partner, Instant from, Instant to) {
        return (key == null ? asAdmin() : as(key)).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/partners/" + partner + "/settlements");
    }

    static BigDecimal decimal(Response r, String path) {
        return new BigDecimal(r.jsonPath().getString(path));
    }
}
