package io.loyalty.ledger;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.Fixtures.spend;
import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
public class AdjustmentTest {

    static Response adjust(String customer, String key, Map<String, Object> body) {
        return asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/customers/" + customer + "/points/adjustments");
    }

    @Test
    void adjustmentsAreIdempotentAuditedAndExplainedByAllocations() {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.member(p);
        String key = UUID.randomUUID().toString();
        Map<String, Object> credit = Map.of("programmeId", p, "points", 250, "reason", "Apology for a late delivery");
        Response first = adjust(c, key, credit);
        first.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/customers/" + c + "/points/ledger"))
                .body("type", equalTo("ADJUST"))
                .body("points", equalTo(250))
                .body("balanceAfter", equalTo(250))
                .body("reason", equalTo("Apology for a late delivery"))
                .body("apiKeyId", notNullValue())
                .body("lot.remaining", equalTo(250));
        adjust(c, key, credit).then().statusCode(200).body("id", equalTo(first.path("id")));
        adjust(c, key, Map.of("programmeId", p, "points", 251, "reason", "x")).then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:idempotency-key-reused"));

        Response debit = adjust(c, UUID.randomUUID().toString(), Map.of("programmeId", p, "points", -100, "reason", "Correction"));
        debit.then().statusCode(201)
                .body("points", equalTo(-100))
                .body("balanceAfter", equalTo(150))
                .body("allocations", hasSize(1))
                .body("allocations[0].lotEntryId", equalTo(first.path("id")))
                .body("allocations[0].points", equalTo(100));
        asAdmin().get("/api/v1/customers/" + c + "/points/ledger").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].lot.remaining", equalTo(150));
        assertEquals(150L, Fixtures.ledgerSum(c, p));
    }

    @Test
    void concurrentReplaysOfOneKeyWriteOneEntry() throws Exception {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.member(p);
        String key = UUID.randomUUID().toString();
        List<Integer> codes = io.loyalty.TestSupport.parallel(10,
                () -> adjust(c, key, Map.of("programmeId", p, "points", 10, "reason", "gift")).statusCode());
        assertEquals(1, codes.stream().filter(x -> x == 201).count(), "codes " + codes);
        assertEquals(9, codes.stream().filter(x -> x == 200).count(), "codes " + codes);
        assertEquals(10L, Fixtures.ledgerSum(c, p));
    }

    @Test
    void badAdjustmentsAre4xx() {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.member(p);
        adjust(c, "k1-" + UUID.randomUUID(), Map.of("programmeId", p, "points", 0, "reason", "x")).then().statusCode(400);
        adjust(c, "k2-" + UUID.randomUUID(), Map.of("programmeId", p, "points", 5)).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        adjust(c, "k3-" + UUID.randomUUID(), Map.of("programmeId", UUID.randomUUID().toString(), "points", 5, "reason", "x"))
                .then().statusCode(404);
        adjust(UUID.randomUUID().toString(), "k4", Map.of("programmeId", p, "points", 5, "reason", "x")).then().statusCode(404);
        asAdmin().body(Map.of("programmeId", p, "points", 5, "reason", "x"))
                .post("/api/v1/customers/" + c + "/points/adjustments").then().statusCode(400);
        asRole("STOREFRONT").header("Idempotency-Key", "k5").body(Map.of("programmeId", p, "points", 5, "reason", "x"))
                .post("/api/v1/customers/" + c + "/points/adjustments").then().statusCode(403);
    }
}
