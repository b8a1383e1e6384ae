package io.loyalty.ledger;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
public class EventTest {

    static Response event(String customer, String key, String name) {
        return asAdmin().header("Idempotency-Key", key).body(Map.of("name", name))
                .post("/api/v1/customers/" + customer + "/events");
    }

    static String programmeWithBirthdayAndSignup() {
        Map<String, Object> birthday = new HashMap<>(Map.of("id", "birthday", "type", "EVENT", "event", "birthday",
                "points", 100, "limitPerCustomer", 1));
        Map<String, Object> visit = new HashMap<>(Map.of("id", "checkin", "type", "EVENT", "event", "store_checkin",
                "points", 5, "capPerDay", 10));
        return Fixtures.programme(List.of(birthday, visit));
    }

    @Test
    void eventsEarnTheirPointsWithinLimitsAndCaps() {
        String p = programmeWithBirthdayAndSignup();
        String c = Fixtures.member(p);
        event(c, UUID.randomUUID().toString(), "birthday").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/customers/" + c + "/points/ledger"))
                .body("awards", hasSize(1))
                .body("awards[0].points", equalTo(100))
                .body("awards[0].limited", equalTo(false));
        event(c, UUID.randomUUID().toString(), "birthday").then().statusCode(201)
                .body("awards[0].points", equalTo(0))
                .body("awards[0].limited", equalTo(true));
        for (int i = 0; i < 3; i++) {
            event(c, UUID.randomUUID().toString(), "store_checkin").then().statusCode(201);
        }
        event(c, UUID.randomUUID().toString(), "unknown_event").then().statusCode(201).body("awards", hasSize(0));
        assertEquals(110L, Fixtures.ledgerSum(c, p), "100 once, then 5 + 5 under the daily cap of 10");
    }

    @Test
    void replaysAreAnsweredOnceEvenConcurrently() throws Exception {
        String p = programmeWithBirthdayAndSignup();
        String c = Fixtures.member(p);
        String key = UUID.randomUUID().toString();
        List<Integer> codes = TestSupport.parallel(8, () -> event(c, key, "store_checkin").statusCode());
        assertEquals(1, codes.stream().filter(x -> x == 201).count(), "codes " + codes);
        assertEquals(5L, Fixtures.ledgerSum(c, p));
        asAdmin().header("Idempotency-Key", key).body(Map.of("name", "birthday"))
                .post("/api/v1/customers/" + c + "/events").then().statusCode(409);
    }

    @Test
    void badEventsAre4xx() {
        String c = Fixtures.customer();
        event(c, "k", "Not Valid!").then().statusCode(400).body("violations[0].field", equalTo("name"));
        asAdmin().body(Map.of("name", "birthday")).post("/api/v1/customers/" + c + "/events").then().statusCode(400);
        event(UUID.randomUUID().toString(), "k2", "birthday").then().statusCode(404);
        TestSupport.asRole("ANALYST").header("Idempotency-Key", "k3").body(Map.of("name", "birthday"))
                .post("/api/v1/customers/" + c + "/events").then().statusCode(403);
    }
}
