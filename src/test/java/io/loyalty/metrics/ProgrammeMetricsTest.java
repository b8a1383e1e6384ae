package io.loyalty.metrics;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static io.loyalty.metrics.MetricsFixtures.order;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A programme's figures worked out by hand. N = now; the period is [N - 10d, N + 1d). AUTOMATIC programme, 1 point
 * per rupee, point value 0.25, points expire 20 days after earning; a reward costs 50 points.
 * <pre>
 *   A  member from N-15d   order 200 at N-15d (earns 200), 100 at N-5d (earns 100); redeems 50 now
 *   B  member from N-25d   order 100 at N-25d (earns 100, expires N-5d: the expiry run expires it), 40 at N-3d
 *                          (earns 40), 20 of it returned now (reverses 20)
 *   C  non-member          order 300 at N-15d, 150 at N-4d (accrue: false, so never enrolled)
 *   D  non-member          order 100 at N-25d
 *   E  joins at N-2d       order 60 at N-2d (earns 60); redeems 50 now; then leaves
 * </pre>
 * Members at `to`: A, B (E left) = 2; joins: E = 1; leaves: E = 1.
 * Points in the period: issued 100 + 40 + 60 = 200; redeemed 50 + 50 = 100; expired 100 (B's lot, at N-5d);
 * reversed 20. Redemption rate 100/200, breakage 100/200. Outstanding at `to`: A 200+100-50 = 250, B 100+40-100-20
 * = 20, E 60-50 = 10: 280 points, liability 280 x 0.25 = 70.
 * RFM as of `from` over A, B, C, D: recency 5, 15, 5, 15 days (q = 5, 7, 13, 15; edges 6, 8, 14, 16: R 5, 2, 5, 2);
 * frequency all 1 (F 1); monetary 200, 100, 300, 100 (q = 100, 120, 180, 240; edges 101, 121, 181, 241: M 4, 1, 5,
 * 1). A and C: R5 F1 M4/5 match no rule: Others. B and D: R2 F1 M1: About To Sleep.
 * Revenue in the period: A 100, C 150, B 40 - 20 = 20, D 0. Others: 100 per member vs 150 per non-member (-50);
 * About To Sleep: 20 vs 0 (+20). Weighted by members (1 and 1): (-50 + 20) / 2 = -15; relative: -30 / (150 + 0) = -0.2.
 * Reward cost: A (Others) 50 points = 12.50, E (no order before `from`: unsegmented) 50 = 12.50; 100 points = 25.00;
 * Champions and Loyal Customers 0 / 100.
 */
@QuarkusTest
class ProgrammeMetricsTest {

    @Test
    void aHandComputedProgramme() {
        Instant n = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        String ch = MetricsFixtures.channel();
        Map<String, Object> body = Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1)));
        body.put("enrolment", "AUTOMATIC");
        body.put("expiry", Map.of("type", "AFTER", "after", "P20D"));
        String p = Fixtures.programme(body);
        try {
            String a = Fixtures.customer();
            String b = Fixtures.customer();
            String c = Fixtures.customer();
            String d = Fixtures.customer();
            String e = Fixtures.customer();
            order(a, days(n, 15), "200", ch);
            order(a, days(n, 5), "100", ch);
            order(b, days(n, 25), "100", ch);
            String bSecond = order(b, days(n, 3), "40", ch);
            order(c, days(n, 15), "300", ch, false);
            order(c, days(n, 4), "150", ch, false);
            order(d, days(n, 25), "100", ch, false);
            order(e, days(n, 2), "60", ch);
            MetricsFixtures.returnAmount(bSecond, "20");
            asAdmin().post("/api/v1/programmes/" + p + "/expiry-runs?asOf=" + n).then().statusCode(201);
            Map<String, Object> reward = new HashMap<>(Map.of("programmeId", p, "name", "fifty", "type", "DISCOUNT_AMOUNT",
                    "cost", 50, "amount", 50));
            String r = asAdmin().body(reward).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
            for (String who : List.of(a, e)) {
                asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("customerId", who, "rewardId", r)).post("/api/v1/redemptions").then().statusCode(201);
            }
            asAdmin().delete("/api/v1/programmes/" + p + "/members/" + e).then().statusCode(204);

            JsonPath m = asRole("ANALYST").queryParam("from", days(n, 10).toString()).queryParam("to", n.plus(Duration.ofDays(1)).toString())
                    .queryParam("channel", ch).get("/api/v1/metrics/programmes/" + p).then().statusCode(200)
                    .body("inputs.programmeId", equalTo(p)).body("inputs.currency", equalTo("INR"))
                    .body("programme.kind", equalTo("CUMULATIVE"))
                    .body("members", equalTo(2)).body("joins", equalTo(1)).body("leaves", equalTo(1))
                    .body("points.issued", equalTo(200)).body("points.redeemed", equalTo(100))
                    .body("points.expired", equalTo(100)).body("points.reversed", equalTo(20))
                    .body("points.refunded", equalTo(0)).body("points.adjustedUp", equalTo(0))
                    .body("redemptionRate.value", equalTo(0.5f)).body("redemptionRate.numerator", equalTo(100))
                    .body("redemptionRate.denominator", equalTo(200))
                    .body("realisedBreakage.value", equalTo(0.5f)).body("realisedBreakage.numerator", equalTo(100))
                    .body("outstandingPoints", equalTo(280)).body("pointsOwed", equalTo(0)).body("currency", equalTo("INR"))
                    .body("membersVersusNonMembers.membersCompared", equalTo(2))
                    .body("membersVersusNonMembers.segments[10].segment", equalTo("Others"))
                    .body("membersVersusNonMembers.segments[10].members", equalTo(1))
                    .body("membersVersusNonMembers.segments[10].nonMembers", equalTo(1))
                    .body("membersVersusNonMembers.segments[6].segment", equalTo("About To Sleep"))
                    .body("membersVersusNonMembers.segments[6].members", equalTo(1))
                    .body("membersVersusNonMembers.segments[0].revenuePerMember", nullValue())
                    .body("membersVersusNonMembers.segments[0].uplift", nullValue())
                    .body("rewardCost.points", equalTo(100))
                    .body("rewardCost.segments[10].points", equalTo(50))
                    .body("rewardCost.unsegmented.points", equalTo(50))
                    .body("rewardCost.championsAndLoyalShare.value", equalTo(0f))
                    .body("rewardCost.championsAndLoyalShare.denominator", equalTo(100))
                    .extract().jsonPath();
            money(m, "liability", "70");
            money(m, "membersVersusNonMembers.segments[10].revenuePerMember", "100");
            money(m, "membersVersusNonMembers.segments[10].revenuePerNonMember", "150");
            money(m, "membersVersusNonMembers.segments[10].uplift", "-50");
            money(m, "membersVersusNonMembers.segments[6].memberRevenue", "20");
            money(m, "membersVersusNonMembers.segments[6].revenuePerNonMember", "0");
            money(m, "membersVersusNonMembers.segments[6].uplift", "20");
            money(m, "membersVersusNonMembers.weightedUplift", "-15");
            money(m, "membersVersusNonMembers.relativeUplift", "-0.2");
            money(m, "rewardCost.segments[10].value", "12.5");
            money(m, "rewardCost.unsegmented.value", "12.5");
            money(m, "rewardCost.value", "25");

            // outstanding at a `to` in the past: the stored balance minus what moved since. Before n-10 only A's 200
            // (n-15) and B's 100 (n-25, expiring at n-5) were earned, and nothing was spent, expired or reversed yet.
            asRole("ANALYST").queryParam("from", days(n, 30).toString()).queryParam("to", days(n, 10).toString())
                    .queryParam("channel", ch).get("/api/v1/metrics/programmes/" + p).then().statusCode(200)
                    .body("points.issued", equalTo(300)).body("outstandingPoints", equalTo(300))
                    .body("pointsOwed", equalTo(0));

            // a period before anything happened: counts 0, every rate and per-customer figure null
            asRole("ANALYST").queryParam("from", "2000-01-01").queryParam("to", "2000-02-01").queryParam("channel", ch)
                    .get("/api/v1/metrics/programmes/" + p).then().statusCode(200)
                    .body("members", equalTo(0)).body("joins", equalTo(0)).body("points.issued", equalTo(0))
                    .body("redemptionRate.value", nullValue()).body("redemptionRate.denominator", equalTo(0))
                    .body("realisedBreakage.value", nullValue()).body("outstandingPoints", equalTo(0))
                    .body("membersVersusNonMembers.membersCompared", equalTo(0))
                    .body("membersVersusNonMembers.weightedUplift", nullValue())
                    .body("membersVersusNonMembers.relativeUplift", nullValue())
                    .body("rewardCost.championsAndLoyalShare.value", nullValue());
        } finally {
            asAdmin().body(Map.of("status", "CLOSED")).patch("/api/v1/programmes/" + p).then().statusCode(200);
        }
    }

    @Test
    void aNaturalProgrammeAnswersTheSameQuestions() {
        String p = asAdmin().body(Map.of("name", "natural " + UUID.randomUUID(), "kind", "NATURAL", "status", "ACTIVE",
                "currency", "INR", "enrolment", "OPT_IN")).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        Fixtures.member(p);
        asRole("ANALYST").queryParam("to", Instant.now().plus(Duration.ofDays(1)).toString()).queryParam("channel", MetricsFixtures.channel())
                .get("/api/v1/metrics/programmes/" + p).then().statusCode(200)
                .body("programme.kind", equalTo("NATURAL"))
                .body("members", equalTo(1)).body("joins", equalTo(1)).body("points.issued", equalTo(0))
                .body("redemptionRate.value", nullValue()).body("outstandingPoints", equalTo(0))
                .body("rewardCost.points", equalTo(0));
    }

    @Test
    void unknownProgrammesAre404AndBadPeriods400() {
        asRole("ANALYST").get("/api/v1/metrics/programmes/" + UUID.randomUUID()).then().statusCode(404);
        asRole("ANALYST").queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .get("/api/v1/metrics/programmes/" + UUID.randomUUID()).then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        asRole("STOREFRONT").get("/api/v1/metrics/programmes/" + UUID.randomUUID()).then().statusCode(403);
    }

    private static Instant days(Instant n, int days) {
        return n.minus(Duration.ofDays(days));
    }

    private static void money(JsonPath json, String path, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(json.getObject(path, BigDecimal.class)), path);
    }
}
