package io.loyalty.metrics;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feedback metrics on small data sets whose every figure is worked out by hand in the comments. */
@QuarkusTest
public class FeedbackMetricsTest {

    private static void feedback(String customer, String type, Integer score, String givenAt, String channel) {
        Map<String, Object> b = new HashMap<>();
        b.put("customerId", customer);
        b.put("type", type);
        b.put("channel", channel);
        if (score != null) {
            b.put("score", score);
        } else {
            b.put("comment", "words");
        }
        if (givenAt != null) {
            b.put("givenAt", givenAt);
        }
        asAdmin().body(b).post("/api/v1/feedback").then().statusCode(201);
    }

    private static JsonPath metrics(String from, String to, String channel) {
        return asRole("ANALYST").queryParam("from", from).queryParam("to", to).queryParam("channel", channel)
                .get("/api/v1/metrics/feedback").then().statusCode(200).extract().jsonPath();
    }

    private static void assertRate(JsonPath m, String path, String value, long numerator, long denominator) {
        assertEquals(value == null ? null : Float.parseFloat(value), m.get(path + ".value"), path);
        assertEquals((int) numerator, (Integer) m.get(path + ".numerator"), path);
        assertEquals((int) denominator, (Integer) m.get(path + ".denominator"), path);
    }

    @Test
    void npsAndSatisfactionOfAPeriod() {
        String ch = MetricsFixtures.channel();
        String c = Fixtures.customer();
        // NPS in May 2024: 3 at the very start (counts: `from` is inclusive), 10, 9, 9, 9, 8, 7, 6, 0;
        // a 10 at exactly `to` and a 10 in April do not count, nor a 0 on another channel.
        feedback(c, "NPS", 3, "2024-05-01T00:00:00Z", ch);
        for (int score : new int[]{10, 9, 9, 9, 8, 7, 6, 0}) {
            feedback(c, "NPS", score, "2024-05-15T12:00:00Z", ch);
        }
        feedback(c, "NPS", 10, "2024-06-01T00:00:00Z", ch);
        feedback(c, "NPS", 10, "2024-04-30T23:59:59Z", ch);
        feedback(c, "NPS", 0, "2024-05-15T12:00:00Z", MetricsFixtures.channel());
        // CSAT: 5, 4, 4, 3, 1. No REVIEW.
        for (int score : new int[]{5, 4, 4, 3, 1}) {
            feedback(c, "CSAT", score, "2024-05-20T00:00:00Z", ch);
        }
        feedback(c, "COMPLIMENT", null, "2024-05-20T00:00:00Z", ch);

        JsonPath m = metrics("2024-05-01T00:00:00Z", "2024-06-01T00:00:00Z", ch);
        // n = 9: promoters 10, 9, 9, 9 = 4; passives 8, 7 = 2; detractors 3, 6, 0 = 3.
        assertEquals(9, (Integer) m.get("nps.responses"));
        assertEquals(4, (Integer) m.get("nps.promoters"));
        assertEquals(2, (Integer) m.get("nps.passives"));
        assertEquals(3, (Integer) m.get("nps.detractors"));
        // (4 - 3) * 100 / 9 = 11.111... -> 11.11
        assertEquals(11.11f, (Float) m.get("nps.score"));
        assertRate(m, "nps.promoterShare", "0.444444", 4, 9);
        assertRate(m, "nps.detractorShare", "0.333333", 3, 9);
        // CSAT: 5 responses, mean 17 / 5 = 3.4, top two box 5, 4, 4 = 3 / 5.
        assertEquals("CSAT", m.get("satisfaction[0].type"));
        assertEquals(5, (Integer) m.get("satisfaction[0].responses"));
        assertEquals(3.4f, (Float) m.get("satisfaction[0].meanScore"));
        assertRate(m, "satisfaction[0].topTwoBox", "0.6", 3, 5);
        assertEquals("REVIEW", m.get("satisfaction[1].type"));
        assertEquals(0, (Integer) m.get("satisfaction[1].responses"));
        assertNull(m.get("satisfaction[1].meanScore"));
        assertRate(m, "satisfaction[1].topTwoBox", null, 0, 0);
        assertEquals(ch, m.get("inputs.channel"));
        assertEquals("2024-05-01T00:00:00Z", m.get("inputs.from"));

        // The same figures as CSV: a row per figure, the counts behind each rate.
        String csv = asRole("ANALYST").accept("text/csv").queryParam("from", "2024-05-01T00:00:00Z")
                .queryParam("to", "2024-06-01T00:00:00Z").queryParam("channel", ch).get("/api/v1/metrics/feedback")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        java.util.List<String> lines = java.util.List.of(csv.split("\r\n"));
        assertEquals("figure,value,numerator,denominator", lines.get(0));
        assertTrue(lines.contains("nps.responses,9,,"), csv);
        assertTrue(lines.contains("nps.score,11.11,,"), csv);
        assertTrue(lines.contains("nps.promoterShare,0.444444,4,9"), csv);
        assertTrue(lines.contains("CSAT.meanScore,3.400000,,"), csv);
        assertTrue(lines.contains("CSAT.topTwoBox,0.600000,3,5"), csv);
        assertTrue(lines.contains("REVIEW.meanScore,,,"), csv);
        assertTrue(lines.contains("REVIEW.topTwoBox,,0,0"), csv);
        assertTrue(lines.contains("referrals.made,0,,"), csv);
    }

    @Test
    void anEmptyPeriodGivesZerosAndNulls() {
        JsonPath m = metrics("1990-01-01", "1990-02-01", MetricsFixtures.channel());
        assertEquals(0, (Integer) m.get("nps.responses"));
        assertNull(m.get("nps.score"));
        assertRate(m, "nps.promoterShare", null, 0, 0);
        assertEquals(0, (Integer) m.get("incidents.opened"));
        assertNull(m.get("incidents.medianHoursToResolution"));
        assertRate(m, "incidents.compensated", null, 0, 0);
    }

    @Test
    void incidentsOpenedResolvedAndCompensated() {
        String ch = MetricsFixtures.channel();
        String p = Fixtures.programme(java.util.List.of(Fixtures.spend("spend", 1)));
        String c = Fixtures.member(p);
        // Three complaints and one NPS 2 (a detractor opens one too) on the channel: 4 opened.
        for (int i = 0; i < 3; i++) {
            feedback(c, "COMPLAINT", null, null, ch);
        }
        feedback(c, "NPS", 2, null, ch);
        feedback(Fixtures.customer(), "COMPLAINT", null, null, MetricsFixtures.channel());
        java.util.List<String> ids = asAdmin().queryParam("customerId", c).get("/api/v1/incidents").jsonPath().getList("items.id");
        assertEquals(4, ids.size());
        // Two resolved, one of them with points: compensated 1 / 2.
        asAdmin().body(Map.of("compensation", Map.of("programmeId", p, "points", 50)))
                .post("/api/v1/incidents/" + ids.get(0) + "/resolve").then().statusCode(200);
        asAdmin().body(Map.of()).post("/api/v1/incidents/" + ids.get(1) + "/resolve").then().statusCode(200);

        Instant now = Instant.now();
        JsonPath m = metrics(now.minus(1, ChronoUnit.HOURS).toString(), now.plus(1, ChronoUnit.HOURS).toString(), ch);
        assertEquals(4, (Integer) m.get("incidents.opened"));
        assertEquals(2, (Integer) m.get("incidents.resolved"));
        assertRate(m, "incidents.compensated", "0.5", 1, 2);
        // Resolved within this test: a median between 0 and 1 hour.
        float median = m.getFloat("incidents.medianHoursToResolution");
        assertTrue(median >= 0 && median < 1, "median " + median);
        assertEquals(1, (Integer) m.get("nps.responses"));
        assertEquals(1, (Integer) m.get("nps.detractors"));
        assertEquals(-100.0f, (Float) m.get("nps.score"));
    }

    @Test
    void referralsMadeAndConverted() {
        Instant now = Instant.now();
        String from = now.minus(1, ChronoUnit.HOURS).toString();
        String to = now.plus(1, ChronoUnit.HOURS).toString();
        int madeBefore = metrics(from, to, null).getInt("referrals.made");
        String referrer = Fixtures.customer();
        String code = asAdmin().post("/api/v1/customers/" + referrer + "/referral-code").path("code");
        String[] friends = new String[2];
        for (int i = 0; i < 2; i++) {
            friends[i] = asAdmin().body(Map.of("externalId", TestSupport.unique("friend"), "referralCode", code))
                    .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        }
        // Tests run one after the other: the two referrals are the only ones made meanwhile.
        assertEquals(madeBefore + 2, metrics(from, to, null).getInt("referrals.made"));

        // One friend ordered in January 2019; a run as of a second of March 2019 nobody else uses converts it then.
        Map<String, Object> o = Fixtures.order(friends[0], new Object[]{"CHAI", "drinks", 1, "60"});
        o.put("placedAt", "2019-01-02T00:00:00Z");
        Fixtures.post(o).then().statusCode(201);
        Instant asOf = Instant.parse("2019-03-01T00:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(86_400));
        asAdmin().queryParam("asOf", asOf.toString()).post("/api/v1/referral-bonus-runs").then().statusCode(200);
        JsonPath m = metrics(asOf.toString(), asOf.plusSeconds(1).toString(), null);
        assertEquals(1, m.getInt("referrals.converted"));
        assertEquals(0, m.getInt("referrals.made"));
    }

    @Test
    void badParametersAre400AndOnlyAnalystsAndAdminsAsk() {
        asRole("ANALYST").queryParam("from", "2024-06-01").queryParam("to", "2024-05-01").get("/api/v1/metrics/feedback")
                .then().statusCode(400).body("violations.field", hasItem("from"));
        asRole("ANALYST").queryParam("currency", "INR").get("/api/v1/metrics/feedback").then().statusCode(400)
                .body("violations.field", hasItem("currency"));
        asRole("ANALYST").queryParam("timezone", "Mars/Olympus").get("/api/v1/metrics/feedback").then().statusCode(400);
        asRole("STOREFRONT").get("/api/v1/metrics/feedback").then().statusCode(403);
    }
}
