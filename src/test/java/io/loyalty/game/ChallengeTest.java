package io.loyalty.game;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Challenges through the API: progress per order, a prize once on completion, the loyalty summary, suppression. */
@QuarkusTest
public class ChallengeTest {

    static String challenge(String p, Map<String, Object> body) {
        return asAdmin().body(body).post("/api/v1/programmes/" + p + "/challenges").then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> body(String goal, Object target, String period, Map<String, Object> prize) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", goal + " challenge");
        b.put("goal", goal);
        b.put("target", target);
        b.put("period", period);
        b.put("prize", prize);
        return b;
    }

    static Map<String, Object> progress(String customer, String programme) {
        List<Map<String, Object>> programmes = asAdmin().get("/api/v1/customers/" + customer + "/loyalty")
                .then().statusCode(200).extract().jsonPath().getList("programmes");
        Map<String, Object> mine = programmes.stream().filter(x -> programme.equals(x.get("programmeId"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> challenges = (List<Map<String, Object>>) mine.get("challenges");
        return challenges.isEmpty() ? null : challenges.get(0);
    }

    @Test
    void threeOrdersThisMonthPayTheBonusOnce() {
        String p = Games.programme();
        String ch = challenge(p, body("ORDERS", 3, "MONTH", Map.of("points", 200)));
        String c = Fixtures.member(p);
        assertEquals(0, ((Number) progress(c, p).get("progress")).intValue(), "offered before the first order");
        for (int i = 1; i <= 2; i++) {
            Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                    .body("gamification.challenges[0].challengeId", equalTo(ch))
                    .body("gamification.challenges[0].progress", equalTo(i))
                    .body("gamification.challenges[0].completed", equalTo(false))
                    .body("gamification.challenges[0].prize", nullValue());
        }
        Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                .body("gamification.challenges[0].progress", equalTo(3))
                .body("gamification.challenges[0].completed", equalTo(true))
                .body("gamification.challenges[0].prize.points", equalTo(200));
        Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                .body("gamification.challenges[0].progress", equalTo(3))
                .body("gamification.challenges[0].completed", equalTo(false))
                .body("gamification.challenges[0].prize", nullValue());
        assertEquals(4 * 10 + 200L, Fixtures.ledgerSum(c, p));
        Map<String, Object> shown = progress(c, p);
        assertEquals(ch, shown.get("challengeId"));
        assertEquals(3, ((Number) shown.get("progress")).intValue());
        assertEquals(3, ((Number) shown.get("target")).intValue());
        assertEquals("ORDERS", shown.get("goal"));
        assertEquals(200, ((Number) shown.get("prizePoints")).intValue());
        org.junit.jupiter.api.Assertions.assertNotNull(shown.get("completedAt"));
        org.junit.jupiter.api.Assertions.assertNotNull(shown.get("periodStart"));
    }

    @Test
    void spendAndCategoriesCountTowardsTheirGoals() {
        String p = Games.programme();
        challenge(p, body("SPEND", 25, "QUARTER", Map.of("points", 30)));
        String c = Fixtures.member(p);
        Games.post(Games.order(c, "x", "10")).then().body("gamification.challenges[0].progress", equalTo(10));
        Games.post(Games.order(c, "x", "10")).then().body("gamification.challenges[0].completed", equalTo(false))
                .body("gamification.challenges[0].progress", equalTo(20.0f));
        Games.post(Games.order(c, "x", "10")).then().body("gamification.challenges[0].completed", equalTo(true))
                .body("gamification.challenges[0].prize.points", equalTo(30));

        String q = Games.programme();
        Map<String, Object> explorer = body("CATEGORIES", 3, "WINDOW", Map.of("rewardId", Games.reward(q, null)));
        explorer.put("validFrom", "2020-01-01T00:00:00Z");
        explorer.put("validTo", "2099-01-01T00:00:00Z");
        challenge(q, explorer);
        String d = Fixtures.member(q);
        Games.post(Games.order(d, "tea", "10")).then().body("gamification.challenges[0].progress", equalTo(1));
        Games.post(Games.order(d, "tea", "10")).then().body("gamification.challenges[0].progress", equalTo(1));
        Games.post(Fixtures.order(d, new Object[]{"A", "cake", 1, "5"}, new Object[]{"B", "tea", 1, "5"}))
                .then().body("gamification.challenges[0].progress", equalTo(2));
        Response done = Games.post(Games.order(d, "snacks", "10"));
        done.then().body("gamification.challenges[0].completed", equalTo(true))
                .body("gamification.challenges[0].period", equalTo("WINDOW"))
                .body("gamification.challenges[0].prize.redemptionId", notNullValue());
        asAdmin().get("/api/v1/redemptions/" + done.path("gamification.challenges[0].prize.redemptionId"))
                .then().body("origin", equalTo("CHALLENGE")).body("status", equalTo("ISSUED"));
    }

    @Test
    void aSuppressedCustomerIsNotOfferedChallengesAndTheirProgressIsFrozen() {
        String p = Games.programme();
        challenge(p, body("ORDERS", 3, "YEAR", Map.of("points", 100)));
        String c = Fixtures.member(p);
        Games.post(Games.order(c, "x", "10")).then().body("gamification.challenges[0].progress", equalTo(1));
        SuppressedCustomers.SUPPRESSED.add(UUID.fromString(c));
        try {
            Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                    .body("gamification.suppressed", equalTo("OPEN_INCIDENT"))
                    .body("gamification.challenges", hasSize(0));
            assertEquals(null, progress(c, p), "not offered while suppressed");
        } finally {
            SuppressedCustomers.SUPPRESSED.remove(UUID.fromString(c));
        }
        assertEquals(1, ((Number) progress(c, p).get("progress")).intValue(), "the progress before is kept");
        Games.post(Games.order(c, "x", "10")).then().body("gamification.challenges[0].progress", equalTo(2));
    }

    @Test
    void challengesAreDefinedByAnAdminAndChecked() {
        String p = Games.programme();
        String url = "/api/v1/programmes/" + p + "/challenges";
        String id = challenge(p, body("ORDERS", 3, "MONTH", Map.of("points", 5)));
        asRole("STOREFRONT").get(url + "/" + id).then().statusCode(200).body("goal", equalTo("ORDERS"))
                .body("period", equalTo("MONTH")).body("prize.points", equalTo(5));
        asRole("ANALYST").get(url).then().statusCode(200).body("items", hasSize(1));
        asRole("STOREFRONT").body(body("ORDERS", 3, "MONTH", Map.of("points", 5))).post(url).then().statusCode(403);
        asAdmin().body(body("ORDERS", 2.5, "MONTH", Map.of("points", 5))).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("target"));
        asAdmin().body(body("ORDERS", 3, "WINDOW", Map.of("points", 5))).post(url).then().statusCode(400);
        asAdmin().body(body("ORDERS", 0, "MONTH", Map.of("points", 5))).post(url).then().statusCode(400);
        asAdmin().body(body("ORDERS", 3, "WEEK", Map.of("points", 5))).post(url).then().statusCode(400);
        asAdmin().body(body("SPEND", 3, "MONTH", Map.of("rewardId", UUID.randomUUID()))).post(url).then()
                .statusCode(422).body("type", equalTo("urn:loyalty:problem:unknown-reward"));
        asAdmin().get("/api/v1/programmes/" + UUID.randomUUID() + "/challenges/" + id).then().statusCode(404);
        asAdmin().get(url + "/" + UUID.randomUUID()).then().statusCode(404);
    }
}
