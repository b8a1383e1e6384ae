package io.loyalty.reward;

import io.agroal.api.AgroalDataSource;
import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
public class RedemptionTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String CODE = "[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}";

    @Inject
    AgroalDataSource dataSource;

    private void sql(String statement, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void redeemingSpendsTheOldestPointsAndIssuesACode() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 300);
        String older = asAdmin().queryParam("programmeId", p).get("/api/v1/customers/" + c + "/points/ledger")
                .then().extract().path("items[0].id");
        Rewards.credit(c, p, 200).then().statusCode(201);
        String reward = Rewards.reward(p, 400);

        Response r = asRole("STOREFRONT").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", c, "rewardId", reward)).post("/api/v1/redemptions");
        r.then().statusCode(201).contentType("application/json")
                .header("Location", matchesPattern(".*/api/v1/redemptions/" + r.path("id") + "$"))
                .body("code", matchesPattern(CODE))
                .body("points", equalTo(400))
                .body("balance", equalTo(100))
                .body("status", equalTo("ISSUED"))
                .body("origin", equalTo("REDEEMED"))
                .body("usableNow", equalTo(true))
                .body("transitions.status", contains("ISSUED"));
        assertEquals(100L, Rewards.available(c, p));
        assertEquals(100L, Fixtures.ledgerSum(c, p));

        Response ledger = asAdmin().queryParam("programmeId", p).get("/api/v1/customers/" + c + "/points/ledger");
        ledger.then().body("items", hasSize(3))
                .body("items[2].type", equalTo("REDEEM"))
                .body("items[2].points", equalTo(-400))
                .body("items[2].redemptionId", equalTo(r.path("id")))
                .body("items[2].allocations", hasSize(2))
                .body("items[2].allocations[0].lotEntryId", equalTo(older))
                .body("items[2].allocations[0].points", equalTo(300))
                .body("items[2].allocations[1].points", equalTo(100));
        asAdmin().get("/api/v1/customers/" + c + "/points").then().body("[0].redeemed", equalTo(400));
    }

    @Test
    void tooFewPointsIsAClearProblemAndChangesNothing() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 99);
        String reward = Rewards.reward(p, 100);
        Rewards.redeem(c, reward).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:loyalty:problem:insufficient-points"))
                .body("detail", equalTo("The reward costs 100 points; the customer has 99 available (1 more needed)"));
        assertEquals(99L, Rewards.available(c, p));
        asAdmin().queryParam("customerId", c).get("/api/v1/redemptions").then().statusCode(200).body("items", empty());
    }

    @Test
    void badRequestsAreProblems() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        String reward = Rewards.reward(p, 10);
        asAdmin().body(Map.of("customerId", c, "rewardId", reward)).post("/api/v1/redemptions").then().statusCode(400)
                .contentType(PROBLEM).body("violations[0].field", equalTo("Idempotency-Key"));
        asAdmin().header("Idempotency-Key", "k1").body(Map.of("customerId", c)).post("/api/v1/redemptions").then()
                .statusCode(400).body("violations[0].field", equalTo("rewardId"));
        Rewards.redeem(c, UUID.randomUUID().toString()).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:unknown-reward"));
        Rewards.redeem(UUID.randomUUID().toString(), reward).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:unknown-customer"));
        asAdmin().get("/api/v1/redemptions/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
        asAdmin().get("/api/v1/redemptions/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        asRole("ANALYST").header("Idempotency-Key", "k2").body(Map.of("customerId", c, "rewardId", reward))
                .post("/api/v1/redemptions").then().statusCode(403);
    }

    @Test
    void aReplayedKeyAnswersTheOriginalAndAReusedKeyConflicts() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        String reward = Rewards.reward(p, 30);
        String key = UUID.randomUUID().toString();
        Response first = Rewards.redeem(c, reward, key);
        first.then().statusCode(201);
        Rewards.redeem(c, reward, key).then().statusCode(200)
                .body("id", equalTo(first.path("id"))).body("code", equalTo(first.path("code")));
        assertEquals(70L, Rewards.available(c, p));
        Rewards.redeem(c, Rewards.reward(p, 30), key).then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:idempotency-key-reused"));
    }

    @Test
    void aCodeIsUsedOnceAndCheckoutCanValidateIt() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        Response r = Rewards.redeem(c, Rewards.reward(p, 50));
        String id = r.path("id");
        String code = r.path("code");

        asRole("STOREFRONT").queryParam("code", code.toLowerCase()).get("/api/v1/redemptions").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id)).body("items[0].usableNow", equalTo(true));
        asRole("STOREFRONT").queryParam("code", "NOPE-NOPE-NOPE-NOPE").get("/api/v1/redemptions").then()
                .statusCode(200).body("items", empty());

        asAdmin().body(Map.of()).post("/api/v1/redemptions/" + id + "/use").then().statusCode(400)
                .body("violations[0].field", equalTo("orderId"));
        asAdmin().body(Map.of("orderId", UUID.randomUUID())).post("/api/v1/redemptions/" + id + "/use").then()
                .statusCode(422).body("type", equalTo("urn:loyalty:problem:unknown-order"));
        Response order = Fixtures.post(Fixtures.order(c, new Object[]{"CHAI", "drinks", 1, "60.00"}));
        String orderId = order.path("id");
        asRole("STOREFRONT").body(Map.of("orderId", orderId)).post("/api/v1/redemptions/" + id + "/use").then()
                .statusCode(200).body("status", equalTo("USED")).body("usedOrderId", equalTo(orderId))
                .body("usableNow", equalTo(false)).body("transitions.status", contains("ISSUED", "USED"));
        asRole("STOREFRONT").body(Map.of("orderId", orderId)).post("/api/v1/redemptions/" + id + "/use").then()
                .statusCode(200).body("transitions", hasSize(2));
        asRole("STOREFRONT").body(Map.of("orderExternalId", "another")).post("/api/v1/redemptions/" + id + "/use").then()
                .statusCode(409).body("type", equalTo("urn:loyalty:problem:redemption-used"));
        asRole("STOREFRONT").post("/api/v1/redemptions/" + id + "/cancel").then()
                .statusCode(409).body("type", equalTo("urn:loyalty:problem:redemption-used"));
        asRole("STOREFRONT").queryParam("code", code).get("/api/v1/redemptions").then()
                .body("items[0].usableNow", equalTo(false))
                .body("items[0].notUsableBecause", startsWith("already used on order"));
    }

    @Test
    void cancellingGivesPointsAndStockBackOnceAndBlocksUse() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        Map<String, Object> body = Rewards.body(p, "FREE_PRODUCT", 60);
        body.put("stock", 2);
        String reward = Rewards.reward(body);
        Response r = Rewards.redeem(c, reward);
        r.then().statusCode(201);
        assertEquals(1, Rewards.stock(reward));
        String id = r.path("id");

        asRole("STOREFRONT").body(Map.of("reason", "changed mind")).post("/api/v1/redemptions/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("balance", equalTo(100))
                .body("transitions.status", contains("ISSUED", "CANCELLED"))
                .body("transitions[1].pointsRefunded", equalTo(60));
        asRole("STOREFRONT").post("/api/v1/redemptions/" + id + "/cancel").then().statusCode(200)
                .body("transitions", hasSize(2));
        assertEquals(2, Rewards.stock(reward));
        assertEquals(100L, Rewards.available(c, p));
        assertEquals(100L, Fixtures.ledgerSum(c, p));
        asAdmin().get("/api/v1/customers/" + c + "/points").then().body("[0].redeemed", equalTo(0));
        asRole("STOREFRONT").body(Map.of("orderExternalId", "x")).post("/api/v1/redemptions/" + id + "/use").then()
                .statusCode(409).body("type", equalTo("urn:loyalty:problem:redemption-cancelled"));
    }

    @Test
    void refundedPointsKeepTheirExpiryAndExpiredOnesAreForfeited() throws Exception {
        Map<String, Object> programme = Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1)));
        programme.put("expiry", Map.of("type", "AFTER", "after", "P30D"));
        String p = Fixtures.programme(programme);
        String c = Rewards.memberWith(p, 100);
        Rewards.credit(c, p, 100).then().statusCode(201);
        List<String> lots = asAdmin().queryParam("programmeId", p).get("/api/v1/customers/" + c + "/points/ledger")
                .then().extract().path("items.id");
        String reward = Rewards.reward(p, 150);
        String id = Rewards.redeem(c, reward).then().statusCode(201).extract().path("id");

        // Time passes: the first lot's expiry date goes by while its points are spent on the redemption.
        sql("UPDATE point_lot SET expires_at = now() - interval '1 hour' WHERE entry_id = ?", UUID.fromString(lots.get(0)));
        Instant secondExpiry = Instant.parse(asAdmin().queryParam("programmeId", p)
                .get("/api/v1/customers/" + c + "/points/ledger").then().extract().path("items[1].lot.expiresAt"));

        asAdmin().post("/api/v1/redemptions/" + id + "/cancel").then().statusCode(200)
                .body("transitions[1].pointsRefunded", equalTo(50))
                .body("transitions[1].detail", equalTo("50 points refunded, 100 forfeited (their expiry date had passed)"));
        Response ledger = asAdmin().queryParam("programmeId", p).get("/api/v1/customers/" + c + "/points/ledger");
        ledger.then().body("items", hasSize(4))
                .body("items[3].type", equalTo("REFUND"))
                .body("items[3].points", equalTo(50))
                .body("items[3].redemptionId", equalTo(id));
        assertEquals(secondExpiry, Instant.parse(ledger.path("items[3].lot.expiresAt")));
        // 200 credited - 150 spent + 50 refunded; the 100 forfeited were drawn from the lot that expired.
        assertEquals(100L, Fixtures.ledgerSum(c, p));
        assertEquals(100L, Rewards.available(c, p));
    }

    @Test
    void limitsCountRedemptionsThatWereNotCancelled() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        Map<String, Object> body = Rewards.body(p, "FREE_SHIPPING", 10);
        body.put("limitPerCustomer", 1);
        body.put("limitPeriod", "MONTH");
        String reward = Rewards.reward(body);
        String first = Rewards.redeem(c, reward).then().statusCode(201).extract().path("id");
        Rewards.redeem(c, reward).then().statusCode(409).body("type", equalTo("urn:loyalty:problem:limit-reached"));
        asAdmin().post("/api/v1/redemptions/" + first + "/cancel").then().statusCode(200);
        Rewards.redeem(c, reward).then().statusCode(201);
        Rewards.redeem(Rewards.memberWith(p, 10), reward).then().statusCode(201);
    }

    @Test
    void eligibilityStockAndMembershipAreChecked() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        Map<String, Object> loyal = Rewards.body(p, "EARLY_ACCESS", 10);
        loyal.put("eligibility", Map.of("minLifetimePoints", 500));
        Rewards.redeem(c, Rewards.reward(loyal)).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:not-eligible"));
        Map<String, Object> tiered = Rewards.body(p, "EXPERIENCE", 10);
        tiered.put("eligibility", Map.of("minTier", "GOLD"));
        Rewards.redeem(c, Rewards.reward(tiered)).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:not-eligible"));

        Map<String, Object> scarce = Rewards.body(p, "FREE_PRODUCT", 10);
        scarce.put("stock", 1);
        String one = Rewards.reward(scarce);
        Rewards.redeem(c, one).then().statusCode(201);
        Rewards.redeem(c, one).then().statusCode(409).body("type", equalTo("urn:loyalty:problem:out-of-stock"));
        assertEquals(0, Rewards.stock(one));

        Rewards.redeem(Fixtures.customer(), Rewards.reward(p, 10)).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:not-a-member"));

        Map<String, Object> later = Rewards.body(p, "FREE_SHIPPING", 10);
        later.put("validFrom", "2099-01-01T00:00:00Z");
        Rewards.redeem(c, Rewards.reward(later)).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:reward-unavailable"));
        Rewards.redeem(c, Rewards.reward(p, 0)).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:reward-not-redeemable"));
    }

    @Test
    void owedPointsBlockRedemption() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("programmeId", p, "points", -150, "reason", "clawback")).post("/api/v1/customers/" + c + "/points/adjustments")
                .then().statusCode(201);
        String reward = Rewards.reward(p, 10);
        Rewards.redeem(c, reward).then().statusCode(422).body("type", equalTo("urn:loyalty:problem:points-debt"));
        asAdmin().queryParam("programmeId", p).get("/api/v1/customers/" + c + "/rewards").then()
                .body("[0].blockers.code", contains("POINTS_DEBT", "INSUFFICIENT_POINTS"));
        Rewards.credit(c, p, 100).then().statusCode(201);
        Rewards.redeem(c, reward).then().statusCode(201).body("balance", equalTo(40));
    }

    @Test
    void poolRewardsHandOutImportedCodesOnce() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        Map<String, Object> body = Rewards.body(p, "DISCOUNT_AMOUNT", 10);
        body.put("codeSource", "POOL");
        String reward = Rewards.reward(body);
        String code = "GC-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("codes", List.of(code))).post("/api/v1/rewards/" + reward + "/codes").then().statusCode(200);
        Rewards.redeem(c, reward).then().statusCode(201).body("code", equalTo(code));
        asAdmin().get("/api/v1/rewards/" + reward).then().body("codesAvailable", equalTo(0));
        Rewards.redeem(c, reward).then().statusCode(409).body("type", equalTo("urn:loyalty:problem:out-of-stock"));
    }

    @Test
    void grantsCostNothingNeedAReasonAndAnAdmin() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 0);
        String gift = Rewards.reward(Rewards.body(p, "SERVICE", 0));
        String key = UUID.randomUUID().toString();
        Map<String, Object> grant = Map.of("rewardId", gift, "reason", "Sorry about the late delivery");
        Response r = asAdmin().header("Idempotency-Key", key).body(grant).post("/api/v1/customers/" + c + "/grants");
        r.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/redemptions/" + r.path("id") + "$"))
                .body("origin", equalTo("GRANTED")).body("points", equalTo(0))
                .body("reason", equalTo("Sorry about the late delivery")).body("code", matchesPattern(CODE));
        asAdmin().header("Idempotency-Key", key).body(grant).post("/api/v1/customers/" + c + "/grants").then()
                .statusCode(200).body("id", equalTo(r.path("id")));
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("rewardId", gift))
                .post("/api/v1/customers/" + c + "/grants").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        asRole("STOREFRONT").header("Idempotency-Key", UUID.randomUUID().toString()).body(grant)
                .post("/api/v1/customers/" + c + "/grants").then().statusCode(403);
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body(grant)
                .post("/api/v1/customers/" + UUID.randomUUID() + "/grants").then().statusCode(404);
        assertEquals(0L, Fixtures.ledgerSum(c, p));
    }

    @Test
    void unusedCodesExpireOnceWithOrWithoutTheirPoints() throws Exception {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        Map<String, Object> refunding = Rewards.body(p, "FREE_SHIPPING", 30);
        refunding.put("codeValidDays", 7);
        refunding.put("stock", 5);
        Map<String, Object> keeping = Rewards.body(p, "FREE_SHIPPING", 20);
        keeping.put("codeValidDays", 7);
        keeping.put("refundOnExpiry", false);
        String refundingReward = Rewards.reward(refunding);
        String a = Rewards.redeem(c, refundingReward).then().statusCode(201)
                .body("expiresAt", notNullValue()).extract().path("id");
        String b = Rewards.redeem(c, Rewards.reward(keeping)).then().statusCode(201).extract().path("id");
        assertEquals(50L, Rewards.available(c, p));

        asAdmin().queryParam("asOf", "2999-01-01T00:00:00Z").post("/api/v1/redemptions/expiry-runs").then()
                .statusCode(400).body("violations[0].field", equalTo("asOf"));
        sql("UPDATE redemption SET expires_at = now() - interval '1 minute' WHERE id IN (?, ?)",
                UUID.fromString(a), UUID.fromString(b));
        asAdmin().queryParam("code", (String) asAdmin().get("/api/v1/redemptions/" + a).path("code"))
                .get("/api/v1/redemptions").then().body("items[0].usableNow", equalTo(false));
        asAdmin().body(Map.of("orderExternalId", "late")).post("/api/v1/redemptions/" + a + "/use").then()
                .statusCode(409).body("type", equalTo("urn:loyalty:problem:redemption-expired"));

        asRole("STOREFRONT").post("/api/v1/redemptions/expiry-runs").then().statusCode(403);
        asAdmin().post("/api/v1/redemptions/expiry-runs").then().statusCode(200);
        asAdmin().get("/api/v1/redemptions/" + a).then().body("status", equalTo("EXPIRED"))
                .body("transitions[1].pointsRefunded", equalTo(30));
        asAdmin().get("/api/v1/redemptions/" + b).then().body("status", equalTo("EXPIRED"))
                .body("transitions[1].pointsRefunded", equalTo(0));
        assertEquals(80L, Rewards.available(c, p));
        assertEquals(5, Rewards.stock(refundingReward));
        asAdmin().post("/api/v1/redemptions/expiry-runs").then().statusCode(200);
        asAdmin().get("/api/v1/redemptions/" + a).then().body("transitions", hasSize(2));
        assertEquals(80L, Fixtures.ledgerSum(c, p));
        asAdmin().post("/api/v1/redemptions/" + a + "/cancel").then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:redemption-expired"));
    }

    @Test
    void theCustomerViewListsWhatIsRedeemableFirstThenWhatIsClose() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        String cheap = Rewards.reward(p, 80);
        String close = Rewards.reward(p, 120);
        String far = Rewards.reward(p, 1000);
        Map<String, Object> gone = Rewards.body(p, "FREE_PRODUCT", 50);
        gone.put("stock", 0);
        String soldOut = Rewards.reward(gone);
        Rewards.reward(p, 0); // granted only: never listed

        Response r = asRole("STOREFRONT").queryParam("programmeId", p).get("/api/v1/customers/" + c + "/rewards");
        r.then().statusCode(200)
                .body("reward.id", contains(cheap, soldOut, close, far))
                .body("[0].redeemableNow", equalTo(true))
                .body("[0].availablePoints", equalTo(100))
                .body("[1].blockers.code", contains("OUT_OF_STOCK"))
                .body("[2].pointsNeeded", equalTo(20))
                .body("[2].blockers.code", contains("INSUFFICIENT_POINTS"))
                .body("[3].pointsNeeded", equalTo(900));
        asAdmin().get("/api/v1/customers/" + UUID.randomUUID() + "/rewards").then().statusCode(404);
        asAdmin().get("/api/v1/customers/" + Fixtures.customer() + "/rewards").then().statusCode(200);
    }

    @Test
    void aCompletedStampCardIssuesItsCatalogueReward() {
        String p = Rewards.programme();
        String freeChai = Rewards.reward(Rewards.body(p, "FREE_PRODUCT", 0));
        Map<String, Object> stamp = Map.of("id", "card", "type", "STAMP", "stampsRequired", 2, "per", "UNIT",
                "skus", List.of("CHAI"), "rewardId", freeChai);
        asAdmin().body(Map.of("rules", List.of(stamp))).patch("/api/v1/programmes/" + p).then().statusCode(200);
        String c = Fixtures.member(p);
        Response order = Fixtures.post(Fixtures.order(c, new Object[]{"CHAI", "drinks", 5, "60.00"}));
        order.then().statusCode(201);
        Map<String, Object> accrual = Fixtures.accrual(order, p);
        @SuppressWarnings("unchecked")
        Map<String, Object> card = ((List<Map<String, Object>>) accrual.get("stamps")).get(0);
        assertEquals(2, card.get("cardsCompleted"));
        assertEquals(1, card.get("onCard"));
        @SuppressWarnings("unchecked")
        List<String> issued = (List<String>) card.get("redemptionIds");
        assertEquals(2, issued.size());
        assertNotEquals(issued.get(0), issued.get(1));
        asAdmin().get("/api/v1/redemptions/" + issued.get(0)).then().statusCode(200)
                .body("origin", equalTo("STAMP_CARD")).body("rewardId", equalTo(freeChai)).body("status", equalTo("ISSUED"))
                .body("points", equalTo(0)).body("code", matchesPattern(CODE));
        asAdmin().get("/api/v1/customers/" + c + "/loyalty").then()
                .body("programmes.find { it.programmeId == '" + p + "' }.entitlements", empty());
    }

    @Test
    void partnerKeysSeeOnlyTheirOwnRedemptions() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        String id = Rewards.redeem(c, Rewards.reward(p, 10)).then().statusCode(201).extract().path("id");
        asRole("PARTNER").get("/api/v1/redemptions/" + id).then().statusCode(404);
        asRole("PARTNER").queryParam("customerId", c).get("/api/v1/redemptions").then().statusCode(200)
                .body("items", empty());
    }
}
