package io.loyalty.tier;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.tier.Tiers.accrual;
import static io.loyalty.tier.Tiers.history;
import static io.loyalty.tier.Tiers.order;
import static io.loyalty.tier.Tiers.review;
import static io.loyalty.tier.Tiers.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tiers through the API: upgrades on orders, reviews under each policy, grace, pins and returns. */
@QuarkusTest
public class TierTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    /** Two calendar years ago, so that both its year-end review and the next one are in the past. */
    private static final int YEAR = OffsetDateTime.now(KOLKATA).getYear() - 2;

    private static OffsetDateTime inYear(int year, String monthDay) {
        return OffsetDateTime.parse(year + "-" + monthDay + "T12:00:00+05:30");
    }

    private static String newYear(int year) {
        return year + "-01-01T00:00:00+05:30";
    }

    private static long points(Response order, String programme) {
        return ((Number) accrual(order, programme).get("points")).longValue();
    }

    @Test
    void theCrossingOrderUpgradesButEarnsAtTheOldMultiplierAndTheNextAtTheNew() {
        String p = Tiers.tiered("ONE_LEVEL", null);
        String c = Fixtures.member(p);
        status(p, c).then().body("tier.tier", equalTo("Red")).body("tier.next.tier", equalTo("Silver"))
                .body("tier.next.needed", equalTo(100)).body("earnMultiplier", equalTo(1));

        Response first = order(c, "80", null);
        assertEquals(80, points(first, p));
        assertEquals("Red", accrual(first, p).get("tier"));
        Response crossing = order(c, "50", null);
        assertEquals(50, points(crossing, p), "the crossing order earns at Red's x1");
        assertEquals("Silver", accrual(crossing, p).get("tier"));
        assertEquals(1, ((Number) accrual(crossing, p).get("multiplier")).intValue());
        Response next = order(c, "100", null);
        assertEquals(150, points(next, p), "the next one at Silver's x1.5");
        assertEquals(1.5f, ((Number) accrual(next, p).get("multiplier")).floatValue());
        Response toGold = order(c, "20", null);  // 80 + 50 + 150 + 30 = 310 points: Gold
        assertEquals(30, points(toGold, p));
        assertEquals("Gold", accrual(toGold, p).get("tier"));
        assertEquals(20, points(order(c, "10", null), p), "Gold earns double");

        status(p, c).then().body("tier.tier", equalTo("Gold")).body("tier.qualification", equalTo(330))
                .body("tier.next", nullValue()).body("benefits", equalTo(List.of("lounge_access")))
                .body("earnMultiplier", equalTo(2))
                .body("tier.keep.tier", equalTo("Gold")).body("tier.keep.needed", equalTo(0))
                .body("tier.keep.windowEnds", equalTo(OffsetDateTime.parse(
                        newYear(OffsetDateTime.now(KOLKATA).getYear() + 1)).toInstant().toString()));
        List<Map<String, Object>> changes = history(p, c);
        assertEquals(List.of("QUALIFIED", "QUALIFIED"), changes.stream().map(h -> h.get("reason")).toList());
        assertEquals("Red", changes.get(0).get("from"));
        assertEquals("Silver", changes.get(0).get("to"));
        assertEquals(crossing.path("id"), changes.get(0).get("orderId"));
        assertEquals("Gold", changes.get(1).get("to"));

        Map<String, Object> loyalty = Tiers.loyaltyOf(c, p);
        assertEquals(List.of("lounge_access"), loyalty.get("benefits"));
        @SuppressWarnings("unchecked")
        Map<String, Object> tier = (Map<String, Object>) loyalty.get("tier");
        assertEquals("Gold", tier.get("tier"));
        assertEquals(null, loyalty.get("paidMembership"));
    }

    @Test
    void aReplayedOrderCountsOnceAndTheBalanceEqualsTheLedger() {
        String p = Tiers.tiered("ONE_LEVEL", null);
        String c = Fixtures.member(p);
        Map<String, Object> o = Fixtures.order(c, new Object[]{"A", "x", 1, "60"});
        Fixtures.post(o).then().statusCode(201);
        Fixtures.post(o).then().statusCode(200);
        status(p, c).then().body("tier.qualification", equalTo(60)).body("tier.tier", equalTo("Red"));
        order(c, "50", null);  // 110: Silver
        order(c, "100", null);  // x1.5
        assertEquals(260L, ((Number) Fixtures.balance(c, p).get("balance")).longValue());
        assertEquals(260L, Fixtures.ledgerSum(c, p));
    }

    @Test
    void spendInARollingWindowQualifiesAndOldSpendDoesNot() {
        String p = Tiers.programme(Tiers.scheme("SPEND", "ROLLING", 3, "RECALCULATE", null), null);
        String c = Fixtures.member(p);
        order(c, "250", OffsetDateTime.now(ZoneOffset.UTC).minusMonths(4));  // outside the 3 months
        status(p, c).then().body("tier.tier", equalTo("Silver"))  // it qualified when it was placed
                .body("tier.qualification", equalTo(0));
        Response r = order(c, "300", null);
        assertEquals("Gold", accrual(r, p).get("tier"));
    }

    /** A member reaching Gold two years ago: kept at the first new year, judged short at the second. */
    private static String goldTwoYearsAgo(String p) {
        String c = Fixtures.member(p);
        order(c, "400", inYear(YEAR, "03-15"));
        status(p, c).then().body("tier.tier", equalTo("Gold"));
        return c;
    }

    @Test
    void theReviewForAGivenInstantAppliesEachPolicy() {
        String never = Tiers.tiered("NEVER", null);
        String oneLevel = Tiers.tiered("ONE_LEVEL", null);
        String recalculate = Tiers.tiered("RECALCULATE", null);
        String a = goldTwoYearsAgo(never);
        String b = goldTwoYearsAgo(oneLevel);
        String c = goldTwoYearsAgo(recalculate);

        review(oneLevel, inYear(YEAR + 1, "06-01").toString()).then().statusCode(200)
                .body("reviewed", equalTo(1)).body("kept", equalTo(1)).body("downgraded", equalTo(0));
        status(oneLevel, b).then().body("tier.tier", equalTo("Gold"))
                .body("tier.keep.windowEnds", equalTo(OffsetDateTime.parse(newYear(YEAR + 2)).toInstant().toString()))
                .body("tier.keep.needed", equalTo(300));

        review(never, null).then().statusCode(200).body("reviewed", equalTo(2)).body("downgraded", equalTo(0));
        review(oneLevel, null).then().statusCode(200).body("reviewed", equalTo(1)).body("downgraded", equalTo(1));
        review(recalculate, null).then().statusCode(200).body("reviewed", equalTo(2)).body("downgraded", equalTo(1));
        status(never, a).then().body("tier.tier", equalTo("Gold"));
        status(oneLevel, b).then().body("tier.tier", equalTo("Silver")).body("earnMultiplier", equalTo(1.5f));
        status(recalculate, c).then().body("tier.tier", equalTo("Red")).body("tier.keep", nullValue());

        Map<String, Object> downgrade = history(oneLevel, b).get(1);
        assertEquals("REVIEW", downgrade.get("reason"));
        assertEquals("Gold", downgrade.get("from"));
        assertEquals("Silver", downgrade.get("to"));
        assertEquals(OffsetDateTime.parse(newYear(YEAR + 2)).toInstant().toString(), downgrade.get("occurredAt"));

        review(oneLevel, null).then().statusCode(200).body("reviewed", equalTo(0));
        status(oneLevel, b).then().body("tier.tier", equalTo("Silver"));
    }

    @Test
    void concurrentReviewsOfOneProgrammeReviewEachMemberOnce() throws Exception {
        String p = Tiers.tiered("ONE_LEVEL", null);
        String c = goldTwoYearsAgo(p);
        List<Response> runs = io.loyalty.TestSupport.parallel(4, () -> review(p, null));
        runs.forEach(r -> r.then().statusCode(200));
        assertEquals(2, runs.stream().mapToInt(r -> r.path("reviewed")).sum(), "two year-ends, each reviewed once");
        assertEquals(1, runs.stream().mapToInt(r -> r.path("downgraded")).sum());
        assertEquals(List.of("QUALIFIED", "REVIEW"), history(p, c).stream().map(h -> h.get("reason")).toList());
    }

    @Test
    void aRollingTierIsReviewedOnItsAnniversaryOverTheMonthsBefore() {
        String p = Tiers.programme(Tiers.scheme("SPEND", "ROLLING", 12, "RECALCULATE", null), null);
        String c = Fixtures.member(p);
        OffsetDateTime reached = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(26).withNano(0);
        order(c, "400", reached);
        order(c, "150", reached.plusMonths(13));  // in the second year: Silver's worth of spend
        review(p, reached.plusMonths(12).plusDays(1).toString()).then().body("kept", equalTo(1));
        review(p, null).then().body("downgraded", equalTo(1));
        status(p, c).then().body("tier.tier", equalTo("Silver"));
        assertEquals(reached.plusMonths(24).toInstant().toString(), history(p, c).get(1).get("occurredAt"));
    }

    @Test
    void graceKeepsTheTierAndRequalifyingDuringItKeepsItForGood() {
        String p = Tiers.tiered("ONE_LEVEL", 30);
        String lapsing = goldTwoYearsAgo(p);
        String requalifying = goldTwoYearsAgo(p);
        order(requalifying, "400", inYear(YEAR + 2, "01-10"));

        review(p, inYear(YEAR + 2, "01-05").toString()).then().statusCode(200).body("graceStarted", equalTo(2));
        status(p, lapsing).then().body("tier.tier", equalTo("Gold")).body("tier.keep.grace", equalTo(true))
                .body("tier.keep.windowEnds", equalTo(OffsetDateTime.parse(newYear(YEAR + 2)).toInstant()
                        .plus(java.time.Duration.ofDays(30)).toString()));
        assertEquals("GRACE_STARTED", history(p, lapsing).get(1).get("reason"));

        review(p, null).then().statusCode(200);
        status(p, lapsing).then().body("tier.tier", equalTo("Silver"));
        status(p, requalifying).then().body("tier.tier", equalTo("Gold"));
    }

    @Test
    void anAdminPinOverridesTheEarnedTierUntilItEnds() throws Exception {
        String p = Tiers.tiered("ONE_LEVEL", null);
        String c = Fixtures.member(p);
        String until = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3).toString();
        asAdmin().body(Map.of("tier", "Gold", "reason", "Service recovery", "until", until))
                .put("/api/v1/programmes/" + p + "/members/" + c + "/tier-pin")
                .then().statusCode(200).body("tier.tier", equalTo("Gold")).body("tier.earnedTier", equalTo("Red"))
                .body("tier.pin.reason", equalTo("Service recovery")).body("benefits", hasItem("lounge_access"));
        assertEquals(20, points(order(c, "10", null), p), "a pinned Gold earns double");
        Map<String, Object> pinned = history(p, c).get(0);
        assertEquals("PINNED", pinned.get("reason"));
        assertEquals("Red", pinned.get("from"));

        asAdmin().body(Map.of("tier", "Platinum", "reason", "x", "until", until))
                .put("/api/v1/programmes/" + p + "/members/" + c + "/tier-pin").then().statusCode(400);
        Thread.sleep(3500);
        review(p, null).then().statusCode(200).body("pinsEnded", equalTo(1));
        status(p, c).then().body("tier.tier", equalTo("Red")).body("tier.pin", nullValue());
        assertEquals("PIN_ENDED", history(p, c).get(1).get("reason"));

        asAdmin().body(Map.of("tier", "Silver", "reason", "Goodwill", "until", OffsetDateTime.now().plusDays(30).toString()))
                .put("/api/v1/programmes/" + p + "/members/" + c + "/tier-pin").then().statusCode(200);
        asAdmin().delete("/api/v1/programmes/" + p + "/members/" + c + "/tier-pin").then().statusCode(204);
        status(p, c).then().body("tier.tier", equalTo("Red"));
        assertEquals("UNPINNED", history(p, c).get(3).get("reason"));
    }

    private static String returnAll(Response order) {
        String id = order.path("id");
        return asAdmin().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("amount", order.path("total").toString()))
                .post("/api/v1/orders/" + id + "/returns").then().statusCode(201).extract().asString();
    }

    private static void returnAmount(Response order, String amount) {
        asAdmin().header("Idempotency-Key", java.util.UUID.randomUUID().toString()).body(Map.of("amount", amount))
                .post("/api/v1/orders/" + order.path("id") + "/returns").then().statusCode(201);
    }

    @Test
    void aReturnThatUndoesTheQualifyingOrderAppliesThePolicyAtOnce() {
        String oneLevel = Tiers.tiered("ONE_LEVEL", null);
        String recalculate = Tiers.tiered("RECALCULATE", null);
        String never = Tiers.tiered("NEVER", null);
        String a = Fixtures.member(oneLevel);
        String b = Fixtures.member(recalculate);
        String c = Fixtures.member(never);
        Response ao = order(a, "350", null);
        Response bo = order(b, "350", null);
        Response co = order(c, "350", null);

        returnAmount(ao, "100");  // 250 left: under Gold's 300
        status(oneLevel, a).then().body("tier.tier", equalTo("Silver")).body("tier.qualification", equalTo(250));
        Map<String, Object> change = history(oneLevel, a).get(1);
        assertEquals("RETURN", change.get("reason"));
        assertEquals(ao.path("id"), change.get("orderId"));

        returnAll(bo);
        status(recalculate, b).then().body("tier.tier", equalTo("Red")).body("tier.qualification", equalTo(0));
        returnAll(co);
        status(never, c).then().body("tier.tier", equalTo("Gold"));
    }

    @Test
    void aReturnOfAnOrderFromAWindowAlreadyJudgedChangesNothingNow() {
        String p = Tiers.tiered("RECALCULATE", null);
        String c = Fixtures.member(p);
        Response old = order(c, "400", inYear(YEAR, "03-15"));
        returnAll(old);
        status(p, c).then().body("tier.tier", equalTo("Gold"));  // reached in a past window: judged at the review
        review(p, newYear(YEAR + 1)).then().body("downgraded", equalTo(1));
        status(p, c).then().body("tier.tier", equalTo("Red"));
    }

    @Test
    void minTierRewardsNeedTheTier() {
        String p = Tiers.tiered("ONE_LEVEL", null);
        String c = Fixtures.member(p);
        String gold = Tiers.reward(p, Map.of("minTier", "Gold"));
        String silver = Tiers.reward(p, Map.of("minTier", "Silver"));
        order(c, "150", null);  // Silver, 150 points

        Tiers.redeem(c, gold).then().statusCode(422).body("type", equalTo("urn:loyalty:problem:not-eligible"));
        List<Map<String, Object>> offers = asAdmin().get("/api/v1/customers/" + c + "/rewards").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> goldOffer = offers.stream()
                .filter(o -> gold.equals(((Map<?, ?>) o.get("reward")).get("id"))).findFirst().orElseThrow();
        assertEquals(false, goldOffer.get("redeemableNow"));
        Tiers.redeem(c, silver).then().statusCode(201);

        order(c, "100", null);  // +150 at x1.5: 300, Gold
        Tiers.redeem(c, gold).then().statusCode(201);
    }

    @Test
    void invalidSchemesAreRefusedWithTheirFields() {
        Map<String, Object> body = Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1)));
        body.put("tiers", Map.of("basis", "POINTS", "window", "ROLLING", "levels", List.of(
                Map.of("name", "Gold", "threshold", 300), Map.of("name", "Silver", "threshold", 100))));
        asAdmin().body(body).post("/api/v1/programmes").then().statusCode(400)
                .body("violations.field", equalTo(List.of("tiers.months", "tiers.levels[1].threshold")));
        String plain = Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
        review(plain, null).then().statusCode(422).body("type", equalTo("urn:loyalty:problem:no-tiers"));
        review(plain, OffsetDateTime.now().plusDays(1).toString()).then().statusCode(400);
    }
}
