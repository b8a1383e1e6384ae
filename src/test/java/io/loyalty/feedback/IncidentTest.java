package io.loyalty.feedback;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class IncidentTest {

    private static String incidentOf(String customer, String type, Integer score) {
        Map<String, Object> b = new HashMap<>();
        b.put("customerId", customer);
        b.put("type", type);
        if (score != null) {
            b.put("score", score);
        } else {
            b.put("comment", "words");
        }
        return asAdmin().body(b).post("/api/v1/feedback").then().statusCode(201).extract().path("incidentId");
    }

    @Test
    void complaintsAndBottomScoresOpenIncidentsAndNothingElseDoes() {
        String c = Fixtures.customer();
        // The bottom of each scale and the first score above it.
        assertNotNull(incidentOf(c, "NPS", 0));
        assertNotNull(incidentOf(c, "NPS", 6));
        assertNull(incidentOf(c, "NPS", 7));
        assertNotNull(incidentOf(c, "CSAT", 1));
        assertNotNull(incidentOf(c, "CSAT", 2));
        assertNull(incidentOf(c, "CSAT", 3));
        assertNotNull(incidentOf(c, "REVIEW", 2));
        assertNull(incidentOf(c, "REVIEW", 3));
        assertNotNull(incidentOf(c, "COMPLAINT", null));
        assertNull(incidentOf(c, "COMPLIMENT", null));
        assertNull(incidentOf(c, "SUGGESTION", null));
        assertNull(incidentOf(c, "COMPETITOR_INFO", null));
        Response list = asAdmin().queryParam("customerId", c).get("/api/v1/incidents");
        list.then().statusCode(200).body("items.size()", equalTo(6));
        assertEquals(List.of("LOW_SCORE", "LOW_SCORE", "LOW_SCORE", "LOW_SCORE", "LOW_SCORE", "COMPLAINT"),
                list.jsonPath().getList("items.cause"));
        assertTrue(list.jsonPath().getList("items.status").stream().allMatch("OPEN"::equals));
        assertEquals(List.of("OPENED"), list.jsonPath().getList("items[0].history.action"));
    }

    @Test
    void lifecycleRecordsWhoDidWhat() {
        String c = Fixtures.customer();
        String i = Incidents.complaint(c);
        asAdmin().get("/api/v1/incidents/" + i).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("customerId", equalTo(c)).body("feedbackId", notNullValue());

        asRole("STOREFRONT").contentType("application/merge-patch+json")
                .body(Map.of("status", "ACKNOWLEDGED", "notes", "Called the customer")).patch("/api/v1/incidents/" + i)
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("notes", equalTo("Called the customer"))
                .body("acknowledgedAt", notNullValue()).body("acknowledgedBy", notNullValue())
                .body("history.action", equalTo(List.of("OPENED", "ACKNOWLEDGED", "NOTED")));
        asAdmin().body(Map.of("status", "RESOLVED")).patch("/api/v1/incidents/" + i).then().statusCode(400);
        asAdmin().body(Map.of("status", "OPEN")).patch("/api/v1/incidents/" + i).then().statusCode(400);
        asAdmin().body(Map.of("priority", "high")).patch("/api/v1/incidents/" + i).then().statusCode(400);

        asAdmin().queryParam("status", "ACKNOWLEDGED").queryParam("customerId", c).get("/api/v1/incidents")
                .then().body("items.size()", equalTo(1));
        asAdmin().queryParam("status", "OPEN").queryParam("customerId", c).get("/api/v1/incidents")
                .then().body("items.size()", equalTo(0));

        Incidents.resolve(i, Map.of("resolution", "Explained the delay")).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolution", equalTo("Explained the delay"))
                .body("compensation", nullValue()).body("resolvedBy", notNullValue())
                .body("history.action", equalTo(List.of("OPENED", "ACKNOWLEDGED", "NOTED", "RESOLVED")));
        asAdmin().body(Map.of("notes", "late note")).patch("/api/v1/incidents/" + i).then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:incident-resolved"));
        asRole("STOREFRONT").body(Map.of()).post("/api/v1/incidents/" + i + "/resolve").then().statusCode(403);
        asAdmin().get("/api/v1/incidents/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void compensationPointsAreOneAdjustEntryWithReasonCompensation() {
        String p = Incidents.programme();
        String c = Fixtures.member(p);
        String i = Incidents.complaint(c);
        Map<String, Object> body = Map.of("resolution", "Sorry", "compensation", Map.of("programmeId", p, "points", 250));
        Response r = Incidents.resolve(i, body);
        r.then().statusCode(200).body("compensation.points", equalTo(250)).body("compensation.programmeId", equalTo(p));
        String entry = r.path("compensation.ledgerEntryId");
        List<Map<String, Object>> ledger = Incidents.ledger(c, p);
        assertEquals(1, ledger.size());
        assertEquals(entry, ledger.get(0).get("id"));
        assertEquals("ADJUST", ledger.get(0).get("type"));
        assertEquals("compensation", ledger.get(0).get("reason"));
        assertEquals(250, ledger.get(0).get("points"));
        // Resolving again (even asking for more) gives nothing more.
        Incidents.resolve(i, Map.of("compensation", Map.of("programmeId", p, "points", 999))).then().statusCode(200)
                .body("compensation.points", equalTo(250)).body("resolution", equalTo("Sorry"));
        assertEquals(1, Incidents.ledger(c, p).size());
        assertEquals(250L, Fixtures.ledgerSum(c, p));
    }

    @Test
    void concurrentResolvesCreditTheCompensationExactlyOnce() throws Exception {
        String p = Incidents.programme();
        String c = Fixtures.member(p);
        String i = Incidents.complaint(c);
        Map<String, Object> body = Map.of("compensation", Map.of("programmeId", p, "points", 300));
        List<Response> responses = TestSupport.parallel(24, () -> Incidents.resolve(i, body));
        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 200),
                "statuses: " + responses.stream().map(Response::statusCode).toList());
        Set<String> entries = responses.stream().map(r -> (String) r.path("compensation.ledgerEntryId"))
                .collect(Collectors.toSet());
        assertEquals(1, entries.size(), "entries: " + entries);
        List<Map<String, Object>> ledger = Incidents.ledger(c, p);
        assertEquals(1, ledger.stream().filter(e -> "ADJUST".equals(e.get("type"))).count(), "ledger: " + ledger);
        assertEquals(300L, Fixtures.ledgerSum(c, p));
        asAdmin().get("/api/v1/incidents/" + i).then()
                .body("history.findAll { it.action == 'RESOLVED' }.size()", equalTo(1));
    }

    @Test
    void concurrentResolvesGrantTheRewardExactlyOnce() throws Exception {
        String p = Incidents.programme();
        String c = Fixtures.member(p);
        String reward = Incidents.reward(p, 0);
        String i = Incidents.complaint(c);
        Map<String, Object> body = Map.of("compensation", Map.of("rewardId", reward));
        List<Response> responses = TestSupport.parallel(16, () -> Incidents.resolve(i, body));
        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 200));
        String redemption = responses.get(0).path("compensation.redemptionId");
        assertNotNull(redemption);
        asAdmin().queryParam("customerId", c).get("/api/v1/redemptions").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(redemption))
                .body("items[0].origin", equalTo("GRANTED"));
    }

    @Test
    void aFailedCompensationLeavesTheIncidentOpen() {
        String c = Fixtures.customer();
        String i = Incidents.complaint(c);
        Incidents.resolve(i, Map.of("compensation", Map.of("points", 10))).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("compensation.programmeId"));
        Incidents.resolve(i, Map.of("compensation", Map.of())).then().statusCode(400);
        Incidents.resolve(i, Map.of("compensation", Map.of("programmeId", UUID.randomUUID().toString(), "points", 10)))
                .then().statusCode(422).body("type", equalTo("urn:loyalty:problem:unknown-programme"));
        Incidents.resolve(i, Map.of("compensation", Map.of("rewardId", UUID.randomUUID().toString())))
                .then().statusCode(422).body("type", equalTo("urn:loyalty:problem:unknown-reward"));
        asAdmin().get("/api/v1/incidents/" + i).then().body("status", equalTo("OPEN"))
                .body("history.action", equalTo(List.of("OPENED")));
    }
}
