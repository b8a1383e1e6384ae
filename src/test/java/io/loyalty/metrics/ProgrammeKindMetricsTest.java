package io.loyalty.metrics;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
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

import static io.loyalty.TestSupport.as;
import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What paid membership and coalition partners add to the programme metrics, worked out by hand. */
@QuarkusTest
class ProgrammeKindMetricsTest {

    /**
     * Fee 100 INR per P20D. N = now; the period is [N - 30d, N + 1d). Payments at (covers):
     * <pre>
     *   A  N-50d [N-50, N-30); N-32d [N-30, N-10) renews; N-11d [N-10, N+10) renews
     *   B  N-25d [N-25, N-5), not renewed
     *   C  N-5d  [N-5, N+15), refunded 40 now (at R, just after N): the period ends at R
     *   D  N-40d [N-40, N-20), not renewed; N-15d (after the lapse) [N-15, N+5)
     *   E  N-10d [N-10, N+10), cancelled with effect from N+1h: the period ends then
     * </pre>
     * Payments in the period: A N-11, B, C, D N-15, E = 5, 500; refunds in it: C's = 1, 40; fee revenue 460.
     * Paid periods ending in the period: A's at N-30 (= from, included) and N-10, both renewed; B's at N-5, C's at R,
     * D's at N-20, E's at N+1h, not: renewal rate 2/6, 4 lapses. Paid at `to` = N+1d: A, D = 2; lapsed members B, C
     * and E (D paid again): 3. A member who never paid changes nothing.
     */
    @Test
    void aPaidProgramme() {
        Instant n = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        Map<String, Object> body = Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1)));
        body.put("fee", Map.of("amount", 100, "currency", "INR", "period", "P20D"));
        String p = Fixtures.programme(body);
        String a = Fixtures.customer();
        String b = Fixtures.customer();
        String c = Fixtures.customer();
        String d = Fixtures.customer();
        Fixtures.member(p);
        pay(p, a, days(n, 50));
        pay(p, a, days(n, 32));
        pay(p, a, days(n, 11));
        pay(p, b, days(n, 25));
        String cPayment = pay(p, c, days(n, 5));
        pay(p, d, days(n, 40));
        pay(p, d, days(n, 15));
        String e = Fixtures.customer();
        pay(p, e, days(n, 10));
        asAdmin().body(Map.of("effectiveAt", n.plus(Duration.ofHours(1)).toString()))
                .post("/api/v1/programmes/" + p + "/members/" + e + "/cancellation").then().statusCode(200);
        asAdmin().body(Map.of("amount", 40, "reason", "goodwill"))
                .post("/api/v1/programmes/" + p + "/members/" + c + "/payments/" + cPayment + "/refund").then().statusCode(200);

        JsonPath m = metrics(p, days(n, 30), n.plus(Duration.ofDays(1)))
                .body("coalition", nullValue())
                .body("paidMembership.currency", equalTo("INR"))
                .body("paidMembership.payments", equalTo(5)).body("paidMembership.refunds", equalTo(1))
                .body("paidMembership.renewalRate.value", equalTo(0.333333f))
                .body("paidMembership.renewalRate.numerator", equalTo(2))
                .body("paidMembership.renewalRate.denominator", equalTo(6))
                .body("paidMembership.lapses", equalTo(4)).body("paidMembership.lapsedMembers", equalTo(3))
                .body("paidMembership.paidMembers", equalTo(2))
                .extract().jsonPath();
        money(m, "paidMembership.paid", "500");
        money(m, "paidMembership.refunded", "40");
        money(m, "paidMembership.feeRevenue", "460");

        // before anything was paid: zeros, and a renewal rate of nothing
        metrics(p, Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2000-02-01T00:00:00Z"))
                .body("paidMembership.payments", equalTo(0)).body("paidMembership.paidMembers", equalTo(0))
                .body("paidMembership.renewalRate.value", nullValue())
                .body("paidMembership.renewalRate.denominator", equalTo(0));
        // a programme without a fee has no paid figures
        metrics(Fixtures.programme(Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1)))), days(n, 30), n)
                .body("paidMembership", nullValue()).body("coalition", nullValue());
    }

    /**
     * 1 point per rupee, partners A and B (named so that A sorts first), one member X. Orders: at B (N-3d) 30,
     * at A (N-2d) 100, the operator's own (N-1d) 20: issued 30 by B, 100 by A, 20 by the operator, lots in that order.
     * Redemptions, drawing the oldest lots first: at B a reward of 110 takes B's 30 (its own) and 80 of A's;
     * at A a reward of 30 takes A's last 20 (its own) and 10 of the operator's. Redeemed with partners 140, of
     * which earned elsewhere 80 + 10 = 90: 90/140 = 0.642857. A second order at A (N-12h, 40, untouched by the
     * redemptions) is then returned with A's key: A issued 140 and reversed 40, reported beside, not netted.
     */
    @Test
    void aCoalitionProgramme() {
        Instant n = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        String p = Fixtures.programme(Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1))));
        String tag = TestSupport.unique("co");
        String partnerA = partner(p, tag + " A");
        String partnerB = partner(p, tag + " B");
        String keyA = Fixtures.partnerKey(partnerA);
        String keyB = Fixtures.partnerKey(partnerB);
        String x = Fixtures.member(p);
        order(keyB, x, "30", days(n, 3));
        order(keyA, x, "100", days(n, 2));
        order(null, x, "20", days(n, 1));
        String returned = order(keyA, x, "40", n.minus(Duration.ofHours(12)));
        redeem(keyB, x, reward(p, partnerB, 110));
        redeem(keyA, x, reward(p, partnerA, 30));
        as(keyA).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1))))
                .post("/api/v1/orders/" + returned + "/returns").then().statusCode(201);

        metrics(p, days(n, 10), n.plus(Duration.ofDays(1)))
                .body("paidMembership", nullValue())
                .body("coalition.partners.size()", equalTo(2))
                .body("coalition.partners[0].id", equalTo(partnerA))
                .body("coalition.partners[0].name", equalTo(tag + " A"))
                .body("coalition.partners[0].issued", equalTo(140)).body("coalition.partners[0].redeemed", equalTo(30))
                .body("coalition.partners[0].reversed", equalTo(40)).body("coalition.partners[0].refunded", equalTo(0))
                .body("coalition.partners[1].id", equalTo(partnerB))
                .body("coalition.partners[1].issued", equalTo(30)).body("coalition.partners[1].redeemed", equalTo(110))
                .body("coalition.operator.id", nullValue())
                .body("coalition.operator.issued", equalTo(20)).body("coalition.operator.redeemed", equalTo(0))
                .body("coalition.redeemedElsewhere.value", equalTo(0.642857f))
                .body("coalition.redeemedElsewhere.numerator", equalTo(90))
                .body("coalition.redeemedElsewhere.denominator", equalTo(140))
                .body("coalition.untracedRedeemed", equalTo(0));

        // a period without activity: the partners are listed with zeros, the share is null
        metrics(p, Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2000-02-01T00:00:00Z"))
                .body("coalition.partners.size()", equalTo(2))
                .body("coalition.partners[1].issued", equalTo(0))
                .body("coalition.redeemedElsewhere.value", nullValue())
                .body("coalition.redeemedElsewhere.denominator", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse metrics(String programme, Instant from, Instant to) {
        return asRole("ANALYST").queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/metrics/programmes/" + programme).then().statusCode(200);
    }

    private static String pay(String programme, String customer, Instant at) {
        return asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", 100, "currency", "INR", "paidAt", at.toString()))
                .post("/api/v1/programmes/" + programme + "/members/" + customer + "/payments")
                .then().statusCode(201).extract().path("id");
    }

    private static String partner(String programme, String name) {
        return asAdmin().body(Map.of("programmeId", programme, "name", name, "issuancePrice", 1, "reimbursementRate", 1))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
    }

    private static String order(String key, String customer, String amount, Instant placedAt) {
        Map<String, Object> order = Fixtures.order(customer, new Object[]{"SKU", "a", 1, amount});
        order.put("placedAt", placedAt.toString());
        return (key == null ? asAdmin() : as(key)).body(order).post("/api/v1/orders").then().statusCode(201)
                .extract().path("id");
    }

    private static String reward(String programme, String partnerId, long cost) {
        Map<String, Object> body = new HashMap<>(Map.of("programmeId", programme, "name", TestSupport.unique("reward"),
                "type", "DISCOUNT_AMOUNT", "cost", cost, "amount", 5, "partnerId", partnerId));
        return asAdmin().body(body).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
    }

    private static void redeem(String key, String customer, String reward) {
        as(key).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", customer, "rewardId", reward)).post("/api/v1/redemptions")
                .then().statusCode(201);
    }

    private static Instant days(Instant n, int days) {
        return n.minus(Duration.ofDays(days));
    }

    private static void money(JsonPath m, String path, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(m.getString(path))), path);
    }
}
