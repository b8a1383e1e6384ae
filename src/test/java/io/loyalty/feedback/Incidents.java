package io.loyalty.feedback;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;

/** Complaints, programmes and rewards through the API for the incident tests. */
final class Incidents {
    private Incidents() {
    }

    /** A complaint of the customer; returns the id of the incident it opened. */
    static String complaint(String customerId) {
        return asAdmin().body(Map.of("customerId", customerId, "type", "COMPLAINT", "comment", "The chai was cold"))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("incidentId");
    }

    /** An ACTIVE OPT_IN programme earning 1 point per rupee, without expiry. */
    static String programme() {
        return Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
    }

    static String reward(String programme, long cost) {
        return asAdmin().body(Map.of("programmeId", programme, "name", TestSupport.unique("reward"),
                        "type", "DISCOUNT_AMOUNT", "cost", cost, "amount", 50))
                .post("/api/v1/rewards").then().statusCode(201).extract().path("id");
    }

    static Response resolve(String incident, Object body) {
        return asAdmin().body(body).post("/api/v1/incidents/" + incident + "/resolve");
    }

    static Response credit(String customer, String programme, long points) {
        return asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("programmeId", programme, "points", points, "reason", "test credit"))
                .post("/api/v1/customers/" + customer + "/points/adjustments");
    }

    /** The customer's ledger entries of the programme (first page of up to 500). */
    static List<Map<String, Object>> ledger(String customer, String programme) {
        return asAdmin().queryParam("programmeId", programme).queryParam("limit", 500)
                .get("/api/v1/customers/" + customer + "/points/ledger").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }
}
