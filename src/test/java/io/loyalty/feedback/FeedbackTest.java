package io.loyalty.feedback;

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
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
public class FeedbackTest {

    static Map<String, Object> body(String customerId, String type, Integer score, String comment) {
        Map<String, Object> b = new HashMap<>();
        b.put("customerId", customerId);
        b.put("type", type);
        if (score != null) {
            b.put("score", score);
        }
        if (comment != null) {
            b.put("comment", comment);
        }
        return b;
    }

    static Response post(Map<String, Object> body) {
        return asAdmin().body(body).post("/api/v1/feedback");
    }

    @Test
    void everyTypeIsStoredAnd201WithLocation() {
        String c = Fixtures.customer();
        Object[][] valid = {{"NPS", 0, null}, {"NPS", 10, null}, {"CSAT", 1, null}, {"CSAT", 5, null},
                {"REVIEW", 1, "meh"}, {"REVIEW", 5, null}, {"COMPLAINT", null, "Cold chai"},
                {"COMPLIMENT", null, "Lovely staff"}, {"SUGGESTION", null, "Open earlier"},
                {"COMPETITOR_INFO", null, "Chaiwala next door gives a free samosa"}};
        for (Object[] v : valid) {
            Response r = post(body(c, (String) v[0], (Integer) v[1], (String) v[2]));
            r.then().statusCode(201)
                    .header("Location", matchesPattern(".*/api/v1/feedback/[0-9a-f-]{36}$"))
                    .body("type", equalTo(v[0])).body("score", equalTo(v[1])).body("public", equalTo(false));
            asAdmin().get(r.header("Location")).then().statusCode(200).body("id", equalTo(r.path("id")));
        }
        asAdmin().queryParam("customerId", c).get("/api/v1/feedback").then().statusCode(200)
                .body("items.size()", equalTo(valid.length));
    }

    @Test
    void scoresOutsideTheirScaleOrOnTypesWithoutOneAre400() {
        String c = Fixtures.customer();
        Object[][] invalid = {{"NPS", 11, null, "score"}, {"NPS", -1, null, "score"}, {"NPS", null, null, "score"},
                {"CSAT", 0, null, "score"}, {"CSAT", 6, null, "score"}, {"REVIEW", 0, null, "score"},
                {"REVIEW", 6, null, "score"}, {"COMPLAINT", 1, "late", "score"}, {"COMPLIMENT", 5, "nice", "score"},
                {"SUGGESTION", 3, "x", "score"}, {"COMPETITOR_INFO", 0, "y", "score"}, {"COMPLAINT", null, null, "comment"},
                {"SUGGESTION", null, "  ", "comment"}};
        for (Object[] v : invalid) {
            post(body(c, (String) v[0], (Integer) v[1], (String) v[2])).then().statusCode(400)
                    .body("type", equalTo("urn:loyalty:problem:validation"))
                    .body("violations.field", hasItem(v[3]));
        }
        Map<String, Object> future = body(c, "NPS", 9, null);
        future.put("givenAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString());
        post(future).then().statusCode(400).body("violations.field", hasItem("givenAt"));
        asAdmin().queryParam("customerId", c).get("/api/v1/feedback").then().body("items.size()", equalTo(0));
    }

    @Test
    void theOrderMustBeTheCustomers() {
        String c = Fixtures.customer();
        String other = Fixtures.customer();
        String order = Fixtures.post(Fixtures.order(other, new Object[]{"CHAI", "drinks", 1, "60"})).then()
                .statusCode(201).extract().path("id");
        Map<String, Object> b = body(c, "CSAT", 4, null);
        b.put("orderId", order);
        post(b).then().statusCode(422).body("type", equalTo("urn:loyalty:problem:order-customer"));
        b.put("orderId", UUID.randomUUID().toString());
        post(b).then().statusCode(422).body("type", equalTo("urn:loyalty:problem:unknown-order"));
        post(body(UUID.randomUUID().toString(), "NPS", 9, null)).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:unknown-customer"));
        b = body(other, "CSAT", 4, null);
        b.put("orderId", order);
        post(b).then().statusCode(201).body("orderId", equalTo(order));
    }

    @Test
    void aPastTimeAndThePublicFlagAreKept() {
        String c = Fixtures.customer();
        Map<String, Object> b = body(c, "REVIEW", 4, "Good");
        b.put("givenAt", "2024-03-01T10:00:00+05:30");
        b.put("public", true);
        b.put("channel", "google");
        post(b).then().statusCode(201).body("givenAt", equalTo("2024-03-01T04:30:00Z"))
                .body("public", equalTo(true)).body("channel", equalTo("google")).body("incidentId", nullValue());
    }

    @Test
    void theExternalIdIsUnique() {
        String c = Fixtures.customer();
        Map<String, Object> b = body(c, "NPS", 8, null);
        b.put("externalId", TestSupport.unique("fb"));
        post(b).then().statusCode(201);
        post(b).then().statusCode(409).body("type", equalTo("urn:loyalty:problem:duplicate-external-id"));
    }

    @Test
    void listFiltersByTypeScoreTimeAndPublic() {
        String c = Fixtures.customer();
        String[] at = {"2025-01-10T00:00:00Z", "2025-02-10T00:00:00Z", "2025-03-10T00:00:00Z", "2025-04-10T00:00:00Z"};
        int[] scores = {3, 7, 9, 10};
        for (int i = 0; i < at.length; i++) {
            Map<String, Object> b = body(c, "NPS", scores[i], null);
            b.put("givenAt", at[i]);
            b.put("public", i % 2 == 0);
            post(b).then().statusCode(201);
        }
        post(body(c, "COMPLIMENT", null, "Great")).then().statusCode(201);
        assertEquals(List.of(7, 9), asAdmin().queryParam("customerId", c).queryParam("minScore", 7)
                .queryParam("maxScore", 9).get("/api/v1/feedback").jsonPath().getList("items.score"));
        assertEquals(List.of(7, 9), asAdmin().queryParam("customerId", c).queryParam("from", "2025-02-10T00:00:00Z")
                .queryParam("to", "2025-04-10T00:00:00Z").get("/api/v1/feedback").jsonPath().getList("items.score"));
        assertEquals(List.of(3, 9), asAdmin().queryParam("customerId", c).queryParam("public", true)
                .get("/api/v1/feedback").jsonPath().getList("items.score"));
        assertEquals(1, asAdmin().queryParam("customerId", c).queryParam("type", "COMPLIMENT")
                .get("/api/v1/feedback").jsonPath().getList("items").size());
        asAdmin().queryParam("minScore", 11).get("/api/v1/feedback").then().statusCode(400)
                .body("violations.field", hasItem("minScore"));
        asAdmin().queryParam("minScore", 8).queryParam("maxScore", 2).get("/api/v1/feedback").then().statusCode(400);
        asAdmin().queryParam("from", "yesterday").get("/api/v1/feedback").then().statusCode(400)
                .body("violations.field", hasItem("from"));
        // Cursor pagination: two pages of two and one.
        Response first = asAdmin().queryParam("customerId", c).queryParam("limit", 2).get("/api/v1/feedback");
        first.then().body("items.size()", equalTo(2));
        Response second = asAdmin().queryParam("customerId", c).queryParam("limit", 2)
                .queryParam("after", (String) first.path("nextCursor")).get("/api/v1/feedback");
        second.then().body("items.size()", equalTo(2));
        asAdmin().queryParam("customerId", c).queryParam("limit", 2).queryParam("after", (String) second.path("nextCursor"))
                .get("/api/v1/feedback").then().body("items.size()", equalTo(1)).body("nextCursor", nullValue());
    }

    @Test
    void aPartnerSeesAndGivesFeedbackOnlyOnItsOwnOrders() {
        String c = Fixtures.customer();
        String partnerOrder = asRole("PARTNER").body(Fixtures.order(c, new Object[]{"CHAI", "drinks", 1, "60"}))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        String ownOrder = Fixtures.post(Fixtures.order(c, new Object[]{"CHAI", "drinks", 1, "60"})).then()
                .statusCode(201).extract().path("id");
        Map<String, Object> onPartner = body(c, "CSAT", 5, null);
        onPartner.put("orderId", partnerOrder);
        String visible = asRole("PARTNER").body(onPartner).post("/api/v1/feedback").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> onOwn = body(c, "CSAT", 4, null);
        onOwn.put("orderId", ownOrder);
        asRole("PARTNER").body(onOwn).post("/api/v1/feedback").then().statusCode(403)
                .body("detail", containsString("orders placed with its partner"));
        String hidden = post(onOwn).then().statusCode(201).extract().path("id");
        String noOrder = post(body(c, "NPS", 9, null)).then().statusCode(201).extract().path("id");

        assertEquals(List.of(visible), asRole("PARTNER").queryParam("customerId", c).get("/api/v1/feedback")
                .jsonPath().getList("items.id"));
        asRole("PARTNER").get("/api/v1/feedback/" + visible).then().statusCode(200);
        asRole("PARTNER").get("/api/v1/feedback/" + hidden).then().statusCode(404);
        asRole("PARTNER").get("/api/v1/feedback/" + noOrder).then().statusCode(404);
        assertEquals(3, asRole("STOREFRONT").queryParam("customerId", c).get("/api/v1/feedback")
                .jsonPath().getList("items").size());
    }

    @Test
    void rolesAreEnforced() {
        String c = Fixtures.customer();
        asRole("ANALYST").body(body(c, "NPS", 9, null)).post("/api/v1/feedback").then().statusCode(403);
        asRole("ANALYST").get("/api/v1/feedback").then().statusCode(200);
        asRole("STOREFRONT").body(body(c, "NPS", 9, null)).post("/api/v1/feedback").then().statusCode(201);
    }
}
