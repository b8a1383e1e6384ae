package io.loyalty.tier;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.tier.Tiers.accrual;
import static io.loyalty.tier.Tiers.order;
import static io.loyalty.tier.Tiers.pay;
import static io.loyalty.tier.Tiers.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paid membership through the API: payments, idempotency, lapse, refund, cancellation and paid-only rewards. */
@QuarkusTest
public class PaymentTest {
    private static final Map<String, Object> FEE = Map.of("amount", 999, "currency", "INR");

    private static String paid() {
        return Tiers.programme(null, Tiers.fee());
    }

    private static Instant instant(Response r, String path) {
        return Instant.parse(r.path(path));
    }

    private static long points(Response order, String programme) {
        return ((Number) accrual(order, programme).get("points")).longValue();
    }

    private static String paymentsPath(String p, String c) {
        return "/api/v1/programmes/" + p + "/members/" + c + "/payments";
    }

    @Test
    void aPaymentBuysAPeriodAndTheNextOneFollowsIt() {
        String p = paid();
        String c = Fixtures.customer();  // a payment enrols
        Response first = pay(p, c);
        first.then().statusCode(201).body("period", equalTo("P1Y")).body("refundedAt", nullValue());
        assertTrue(first.header("Location").endsWith(paymentsPath(p, c) + "/" + first.path("id")));
        Instant from = instant(first, "coversFrom");
        assertEquals(from.atZone(ZoneId.of("Asia/Kolkata")).plusYears(1).toInstant(), instant(first, "coversTo"));
        Response second = pay(p, c);
        second.then().statusCode(201);
        assertEquals(instant(first, "coversTo"), instant(second, "coversFrom"), "renewing early extends the paid time");

        status(p, c).then().body("paidMembership.active", equalTo(true))
                .body("paidMembership.paidUntil", equalTo(second.path("coversTo").toString()))
                .body("benefits", equalTo(List.of("free_shipping", "early_access"))).body("earnMultiplier", equalTo(1.5f));
        assertEquals(150, points(order(c, "100", OffsetDateTime.now(ZoneOffset.UTC)), p), "a paid member earns the fee's x1.5");
        assertEquals(100, points(order(c, "100", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)), p),
                "an order placed before the payment was not paid for");
        asAdmin().get(paymentsPath(p, c)).then().statusCode(200).body("items.size()", equalTo(2));
        asAdmin().get(paymentsPath(p, c) + "/" + first.path("id")).then().statusCode(200).body("id", equalTo(first.path("id")));
        Map<String, Object> loyalty = Tiers.loyaltyOf(c, p);
        assertEquals(true, ((Map<?, ?>) loyalty.get("paidMembership")).get("active"));
    }

    @Test
    void theSameKeyAnswersTheSamePaymentAndAnotherBodyIsRefused() {
        String p = paid();
        String c = Fixtures.customer();
        String key = "fee-" + UUID.randomUUID();
        Response first = pay(p, c, key, FEE);
        first.then().statusCode(201);
        pay(p, c, key, FEE).then().statusCode(200).body("id", equalTo(first.path("id")))
                .body("coversTo", equalTo(first.path("coversTo").toString()));
        pay(p, c, key, Map.of("amount", 999, "currency", "INR", "reference", "other"))
                .then().statusCode(409).body("type", equalTo("urn:loyalty:problem:idempotency-key-reused"));
        asAdmin().body(FEE).post(paymentsPath(p, c)).then().statusCode(400);
        asAdmin().get(paymentsPath(p, c)).then().body("items.size()", equalTo(1));
    }

    @Test
    void concurrentDuplicatePaymentsCreditOnePeriod() throws Exception {
        String p = paid();
        String c = Fixtures.customer();
        String key = "fee-" + UUID.randomUUID();
        List<Response> answers = TestSupport.parallel(12, () -> pay(p, c, key, FEE));
        Set<Object> ids = new HashSet<>();
        int created = 0;
        for (Response r : answers) {
            assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.asString());
            created += r.statusCode() == 201 ? 1 : 0;
            ids.add(r.path("id"));
        }
        assertEquals(1, created);
        assertEquals(1, ids.size());
        asAdmin().get(paymentsPath(p, c)).then().body("items.size()", equalTo(1));
        Response one = answers.get(0);
        status(p, c).then().body("paidMembership.paidUntil", equalTo(one.path("coversTo").toString()));
    }

    @Test
    void concurrentPaymentsWithDifferentKeysChainTheirPeriods() throws Exception {
        String p = paid();
        String c = Fixtures.customer();
        Fixtures.post(Fixtures.order(c, new Object[]{"A", "x", 1, "1"}));  // the membership exists before the race
        List<Response> answers = TestSupport.parallel(6, () -> pay(p, c));
        answers.forEach(r -> r.then().statusCode(201));
        List<Instant> froms = answers.stream().map(r -> instant(r, "coversFrom")).sorted().toList();
        List<Instant> tos = answers.stream().map(r -> instant(r, "coversTo")).sorted().toList();
        for (int i = 1; i < froms.size(); i++) {
            assertEquals(tos.get(i - 1), froms.get(i), "each period starts where the one before ends");
        }
    }

    @Test
    void aLapsedMemberKeepsPointsButLosesPaidBenefitsAndPaidOnlyRewards() {
        String p = paid();
        String c = Fixtures.customer();
        String reward = Tiers.reward(p, Map.of("paidMembersOnly", true));
        pay(p, c, UUID.randomUUID().toString(), Map.of("amount", 999, "currency", "INR",
                "paidAt", OffsetDateTime.now(ZoneOffset.UTC).minusMonths(18).toString())).then().statusCode(201);
        Response o = order(c, "100", null);
        assertEquals(100, points(o, p), "lapsed: no paid multiplier");
        status(p, c).then().body("paidMembership.active", equalTo(false)).body("benefits", equalTo(List.of()));
        Tiers.redeem(c, reward).then().statusCode(422).body("type", equalTo("urn:loyalty:problem:not-eligible"));
        assertEquals(100L, ((Number) Fixtures.balance(c, p).get("balance")).longValue(), "the ledger stays");

        pay(p, c).then().statusCode(201);
        Tiers.redeem(c, reward).then().statusCode(201);
    }

    @Test
    void aRefundEndsThePeriodItsPaymentBought() {
        String p = paid();
        String c = Fixtures.customer();
        Response first = pay(p, c);
        Response second = pay(p, c);
        String refund = paymentsPath(p, c) + "/" + second.path("id") + "/refund";
        asAdmin().body(Map.of("reason", "Charged twice")).post(refund).then().statusCode(200)
                .body("coversTo", equalTo(second.path("coversFrom").toString())).body("refundReason", equalTo("Charged twice"))
                .body("refundedAmount", equalTo(999.0f));
        status(p, c).then().body("paidMembership.paidUntil", equalTo(first.path("coversTo").toString()))
                .body("paidMembership.active", equalTo(true));
        asAdmin().body(Map.of("reason", "again")).post(refund).then().statusCode(200).body("refundReason", equalTo("Charged twice"));

        Response now = asAdmin().body(Map.of("reason", "Changed mind", "amount", 500))
                .post(paymentsPath(p, c) + "/" + first.path("id") + "/refund");
        now.then().statusCode(200);
        assertTrue(instant(now, "coversTo").isBefore(Instant.now().plusSeconds(1)), "the current period ends at the refund");
        status(p, c).then().body("paidMembership.active", equalTo(false)).body("earnMultiplier", equalTo(1));
        asAdmin().body(Map.of("reason", "x", "amount", 5000)).post(paymentsPath(p, c) + "/" + pay(p, c).path("id") + "/refund")
                .then().statusCode(422).body("type", equalTo("urn:loyalty:problem:refund-exceeds-payment"));
    }

    @Test
    void aCancellationStopsPaidBenefitsAtItsDateAndAPaymentRenews() {
        String p = paid();
        String c = Fixtures.customer();
        Response payment = pay(p, c);
        String cancel = "/api/v1/programmes/" + p + "/members/" + c + "/cancellation";
        asAdmin().body(Map.of("reason", "Moving abroad")).post(cancel).then().statusCode(200)
                .body("paidMembership.cancelAt", equalTo(payment.path("coversTo").toString()))
                .body("paidMembership.active", equalTo(true));
        asAdmin().body(Map.of("effectiveAt", OffsetDateTime.now(ZoneOffset.UTC).toString())).post(cancel).then().statusCode(200)
                .body("paidMembership.active", equalTo(false));
        assertEquals(100, points(order(c, "100", null), p));
        asAdmin().body(Map.of("effectiveAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString())).post(cancel)
                .then().statusCode(400);

        pay(p, c).then().statusCode(201);
        status(p, c).then().body("paidMembership.active", equalTo(true)).body("paidMembership.cancelAt", nullValue());
    }

    @Test
    void paymentsThatAreNotTheFeeAreRefused() {
        String p = paid();
        String c = Fixtures.customer();
        pay(p, c, UUID.randomUUID().toString(), Map.of("amount", 500, "currency", "INR"))
                .then().statusCode(422).body("type", equalTo("urn:loyalty:problem:fee-amount"));
        pay(p, c, UUID.randomUUID().toString(), Map.of("amount", 999, "currency", "USD"))
                .then().statusCode(422).body("type", equalTo("urn:loyalty:problem:currency-mismatch"));
        String free = Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
        pay(free, c).then().statusCode(422).body("type", equalTo("urn:loyalty:problem:no-membership-fee"));
        pay(p, UUID.randomUUID().toString()).then().statusCode(404);
    }

    @Test
    void aPaidOnlyTierNeedsTheFee() {
        Map<String, Object> scheme = new java.util.HashMap<>(Tiers.scheme("POINTS", "CALENDAR_YEAR", null, "NEVER", null));
        scheme.put("levels", List.of(Map.of("name", "Member", "threshold", 0),
                Map.of("name", "Prime", "threshold", 0.01, "multiplier", 2, "benefits", List.of("free_express_shipping"),
                        "paidOnly", true)));
        String p = Tiers.programme(scheme, Map.of("amount", 999, "currency", "INR", "period", "P1Y"));
        String c = Fixtures.member(p);
        String primeOnly = Tiers.reward(p, Map.of("minTier", "Prime"));
        order(c, "100", null);  // qualifies for Prime, but unpaid
        status(p, c).then().body("tier.tier", equalTo("Prime")).body("tier.benefitTier", equalTo("Member"))
                .body("earnMultiplier", equalTo(1));
        Tiers.redeem(c, primeOnly).then().statusCode(422);
        pay(p, c).then().statusCode(201);
        status(p, c).then().body("tier.benefitTier", equalTo("Prime")).body("benefits", equalTo(List.of("free_express_shipping")));
        assertEquals(200, points(order(c, "100", OffsetDateTime.now(ZoneOffset.UTC)), p));
        Tiers.redeem(c, primeOnly).then().statusCode(201);
    }
}
