package io.loyalty.programme;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.Fixtures.order;
import static io.loyalty.Fixtures.post;
import static io.loyalty.Fixtures.spend;
import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
public class ProgrammeResourceTest {
    static final String PATH = "/api/v1/programmes";

    @Test
    void createAppliesDefaultsAndGivesRulesIds() {
        Map<String, Object> rule = new HashMap<>(Map.of("type", "SPEND", "pointsPerUnit", 1));
        Response r = asAdmin().body(Map.of("name", "Defaults", "currency", "INR", "rules", List.of(rule))).post(PATH);
        r.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/programmes/[0-9a-f-]{36}$"))
                .body("kind", equalTo("CUMULATIVE"))
                .body("status", equalTo("DRAFT"))
                .body("enrolment", equalTo("AUTOMATIC"))
                .body("timezone", equalTo("UTC"))
                .body("pendingDays", equalTo(0))
                .body("expiry.type", equalTo("NEVER"))
                .body("rules[0].id", notNullValue());
        asRole("STOREFRONT").get(r.header("Location")).then().statusCode(200).body("name", equalTo("Defaults"));
        asRole("PARTNER").queryParam("status", "DRAFT").queryParam("limit", 500).get(PATH).then().statusCode(200)
                .body("items.id", hasItem((String) r.path("id")));
    }

    @Test
    void invalidProgrammesAndRulesAre400WithTheField() {
        Map<String, Object> body = Fixtures.programmeBody(List.of(Map.of("type", "SPEND")));
        asAdmin().body(body).post(PATH).then().statusCode(400).body("violations[0].field", equalTo("rules[0].pointsPerUnit"));
        body = Fixtures.programmeBody(List.of(Map.of("type", "MULTIPLIER", "multiplier", 2)));
        asAdmin().body(body).post(PATH).then().statusCode(400).body("violations[0].field", equalTo("rules[0].categories"));
        body = Fixtures.programmeBody(List.of(Map.of("type", "STAMP", "stampsRequired", 10)));
        asAdmin().body(body).post(PATH).then().statusCode(400).body("violations[0].field", equalTo("rules[0].reward"));
        body = Fixtures.programmeBody(List.of(Map.of("type", "SPEND", "pointsPerUnit", 1, "points", 5)));
        asAdmin().body(body).post(PATH).then().statusCode(400).body("violations[0].field", equalTo("rules[0].points"));
        body = Fixtures.programmeBody(List.of(spend("same", 1), spend("same", 2)));
        asAdmin().body(body).post(PATH).then().statusCode(400).body("violations[0].field", equalTo("rules[1].id"));
        body = Fixtures.programmeBody(List.of(Map.of("type", "DOUBLE")));
        asAdmin().body(body).post(PATH).then().statusCode(400);
        body = Fixtures.programmeBody(List.of());
        body.put("currency", "ABC");
        asAdmin().body(body).post(PATH).then().statusCode(400).body("violations[0].field", equalTo("currency"));
        body = Fixtures.programmeBody(List.of());
        body.put("timezone", "Mars/Olympus");
        asAdmin().body(body).post(PATH).then().statusCode(400).body("violations[0].field", equalTo("timezone"));
        body = Fixtures.programmeBody(List.of());
        body.put("expiry", Map.of("type", "END_OF_PERIOD", "period", "YEAR"));
        asAdmin().body(body).post(PATH).then().statusCode(400).body("violations[0].field", equalTo("expiry.periods"));
        asRole("STOREFRONT").body(Fixtures.programmeBody(List.of())).post(PATH).then().statusCode(403);
        asAdmin().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void patchMergesReplacesRulesAndStatusOnlyMovesForward() {
        Map<String, Object> draft = Fixtures.programmeBody(List.of(spend("spend", 1)));
        draft.put("status", "DRAFT");
        String p = Fixtures.programme(draft);
        asAdmin().contentType("application/merge-patch+json")
                .body(Map.of("name", "Renamed", "rules", List.of(spend("spend", 2)))).patch(PATH + "/" + p)
                .then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("rules", hasSize(1))
                .body("rules[0].pointsPerUnit.toString()", org.hamcrest.Matchers.startsWith("2"))
                .body("currency", equalTo("INR"));
        asAdmin().body(Map.of("currency", "EUR")).patch(PATH + "/" + p).then().statusCode(200);
        asAdmin().body(Map.of("status", "ACTIVE")).patch(PATH + "/" + p).then().statusCode(200);
        asAdmin().body(Map.of("currency", "INR")).patch(PATH + "/" + p).then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:programme-currency"));
        asAdmin().body(Map.of("status", "DRAFT")).patch(PATH + "/" + p).then().statusCode(409);
        asAdmin().body(Map.of("status", "CLOSED")).patch(PATH + "/" + p).then().statusCode(200);
        asAdmin().body(Map.of("status", "ACTIVE")).patch(PATH + "/" + p).then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:programme-closed"));
        asAdmin().body(Map.of("rules", List.of(Map.of("type", "SPEND")))).patch(PATH + "/" + p).then().statusCode(400);
        asAdmin().body(Map.of("nonsense", 1)).patch(PATH + "/" + p).then().statusCode(400);
    }

    @Test
    void optInMembershipsStartEndAndReopenKeepingTheLedger() {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.customer();
        asAdmin().get("/api/v1/customers/" + c + "/memberships").then().statusCode(200)
                .body("programmeId", org.hamcrest.Matchers.not(hasItem(p)));
        asRole("STOREFRONT").body(Map.of("customerId", c)).post(PATH + "/" + p + "/members").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(PATH + "/" + p + "/members/" + c))
                .body("status", equalTo("ACTIVE")).body("joinedAt", notNullValue());
        asRole("STOREFRONT").body(Map.of("customerId", c)).post(PATH + "/" + p + "/members").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        asRole("ANALYST").get(PATH + "/" + p + "/members/" + c).then().statusCode(200)
                .body("programmeId", equalTo(p)).body("status", equalTo("ACTIVE"));
        asAdmin().get(PATH + "/" + p + "/members/" + Fixtures.customer()).then().statusCode(404)
                .body("type", equalTo("urn:loyalty:problem:not-found"));
        post(order(c, new Object[]{"A", "x", 1, "10"})).then().statusCode(201);

        asAdmin().delete(PATH + "/" + p + "/members/" + c).then().statusCode(204);
        asAdmin().get("/api/v1/customers/" + c + "/memberships").then()
                .body("find { it.programmeId == '" + p + "' }.status", equalTo("ENDED"));
        assertEquals(null, Fixtures.accrual(post(order(c, new Object[]{"A", "x", 1, "10"})), p), "ended members earn nothing");
        assertEquals(10, ((Number) Fixtures.balance(c, p).get("balance")).intValue(), "the balance is kept");

        asAdmin().body(Map.of("customerId", c)).post(PATH + "/" + p + "/members").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("endedAt", nullValue());
        assertEquals(20, ((Number) Fixtures.accrual(post(order(c, new Object[]{"A", "x", 1, "10"})), p).get("balance")).intValue());

        asAdmin().body(Map.of("customerId", UUID.randomUUID().toString())).post(PATH + "/" + p + "/members").then().statusCode(404);
        asAdmin().body(Map.of("customerId", c)).post(PATH + "/" + UUID.randomUUID() + "/members").then().statusCode(404);
        asAdmin().body(Map.of()).post(PATH + "/" + p + "/members").then().statusCode(400);
        asRole("ANALYST").body(Map.of("customerId", c)).post(PATH + "/" + p + "/members").then().statusCode(403);
    }

    @Test
    void everyCustomerEarnsInAnAutomaticProgrammeWithoutEnrolling() {
        Map<String, Object> body = Fixtures.programmeBody(List.of(spend("spend", 1)));
        body.put("enrolment", "AUTOMATIC");
        String p = Fixtures.programme(body);
        try {
            String c = Fixtures.customer();
            asAdmin().get("/api/v1/customers/" + c + "/memberships").then()
                    .body("find { it.programmeId == '" + p + "' }.joinedAt", nullValue());
            assertEquals(15, ((Number) Fixtures.accrual(post(order(c, new Object[]{"A", "x", 1, "15"})), p).get("points")).intValue());
            asAdmin().get("/api/v1/customers/" + c + "/memberships").then()
                    .body("find { it.programmeId == '" + p + "' }.joinedAt", notNullValue());
        } finally {
            // Other tests' customers must not keep earning in it.
            asAdmin().body(Map.of("status", "CLOSED")).patch(PATH + "/" + p).then().statusCode(200);
        }
    }
}
