package io.loyalty.referral;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.parallel;
import static io.loyalty.referral.ReferralTest.code;
import static io.loyalty.referral.ReferralTest.orderPlaced;
import static io.loyalty.referral.ReferralTest.pointsFor;
import static io.loyalty.referral.ReferralTest.referrals;
import static io.loyalty.referral.ReferralTest.referred;
import static io.loyalty.referral.ReferralTest.run;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The newcomer's referral bonus as a catalogue reward: validated, given once, shown, and what happens out of stock. */
@QuarkusTest
@SuppressWarnings("unchecked")
public class ReferralRewardTest {
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    /** Every bonus rule pays every referral: the programmes of a test are closed after it, so they pay no one else's. */
    private final List<String> programmes = new ArrayList<>();

    @AfterEach
    void closeProgrammes() {
        for (String p : programmes) {
            asAdmin().body(Map.of("status", "CLOSED")).patch("/api/v1/programmes/" + p).then().statusCode(200);
        }
    }

    private String programme() {
        Map<String, Object> body = Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1)));
        body.put("pendingDays", 14);
        String p = Fixtures.programme(body);
        programmes.add(p);
        return p;
    }

    static String reward(String programme, Integer stock) {
        Map<String, Object> b = new HashMap<>();
        b.put("programmeId", programme);
        b.put("name", "Welcome dessert " + UUID.randomUUID().toString().substring(0, 8));
        b.put("type", "FREE_PRODUCT");
        b.put("sku", "DESSERT");
        b.put("cost", 0);
        b.put("stock", stock);
        return asAdmin().body(b).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.Response setRule(String programme, Map<String, Object> rule) {
        return asAdmin().body(rule).put("/api/v1/programmes/" + programme + "/referral-bonus");
    }

    /** The bonus of this programme on the referral of this newcomer. */
    static Map<String, Object> bonus(String referrer, String newcomer, String programme) {
        Map<String, Object> referral = referrals(referrer).stream()
                .filter(r -> newcomer.equals(r.get("referredCustomerId"))).findFirst().orElseThrow();
        return ((List<Map<String, Object>>) referral.get("bonuses")).stream()
                .filter(b -> programme.equals(b.get("programmeId"))).findFirst().orElse(null);
    }

    static List<Map<String, Object>> redemptions(String customer) {
        return asAdmin().queryParam("customerId", customer).queryParam("limit", 500).get("/api/v1/redemptions")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void theNewcomersRewardIsGrantedOnceUnderConcurrentRunsAndShownInTheListing() throws Exception {
        run(NOW).then().statusCode(200); // settles what other tests left due, so this test's runs pay only its own
        String p = programme();
        String dessert = reward(p, null);
        // Either part is optional: points for the referrer, only a reward for the newcomer.
        setRule(p, Map.of("referrerPoints", 300, "newcomerRewardId", dessert)).then().statusCode(200)
                .body("newcomerPoints", equalTo(0)).body("newcomerRewardId", equalTo(dessert));
        asAdmin().get("/api/v1/programmes/" + p + "/referral-bonus").then().statusCode(200)
                .body("newcomerRewardId", equalTo(dessert));
        String referrer = Fixtures.customer();
        String friend = referred(code(referrer));
        orderPlaced(friend, NOW.minusDays(30));

        List<Integer> statuses = parallel(6, () -> run(NOW).statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200), statuses);
        run(NOW).then().statusCode(200);

        List<Map<String, Object>> given = redemptions(friend).stream().filter(r -> dessert.equals(r.get("rewardId"))).toList();
        assertEquals(1, given.size(), "the reward is granted exactly once: " + given);
        assertEquals("REFERRAL", given.get(0).get("origin"));
        assertEquals("ISSUED", given.get(0).get("status"));
        assertNotNull(given.get(0).get("code"));

        Map<String, Object> bonus = bonus(referrer, friend, p);
        assertEquals(300, bonus.get("referrerPoints"));
        assertEquals(0, bonus.get("newcomerPoints"));
        Map<String, Object> reward = (Map<String, Object>) bonus.get("newcomerReward");
        assertEquals(dessert, reward.get("rewardId"));
        assertEquals("GRANTED", reward.get("status"));
        assertEquals(given.get(0).get("id"), reward.get("redemptionId"));
        assertNull(reward.get("note"));
        assertEquals(300, pointsFor(referrer, p, ReferralBonusService.REFERRER_REASON));
        assertEquals(0, pointsFor(friend, p, ReferralBonusService.NEWCOMER_REASON));
    }

    @Test
    void aRuleNamingARewardOutsideTheProgrammesCatalogueIsRefused() {
        String p = programme();
        String other = programme();
        String othersReward = reward(other, null);
        setRule(p, Map.of("referrerPoints", 100, "newcomerPoints", 50)).then().statusCode(200)
                .body("newcomerRewardId", nullValue());
        setRule(p, Map.of("referrerPoints", 100, "newcomerRewardId", UUID.randomUUID().toString())).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:unknown-reward")).body("detail", containsString(p));
        setRule(p, Map.of("referrerPoints", 100, "newcomerRewardId", othersReward)).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:unknown-reward"))
                .body("detail", containsString("not in the catalogue of programme " + p));
        setRule(p, Map.of("referrerPoints", 100, "newcomerRewardId", "not-a-uuid")).then().statusCode(400);
        // The refused rules changed nothing.
        asAdmin().get("/api/v1/programmes/" + p + "/referral-bonus").then().statusCode(200)
                .body("newcomerPoints", equalTo(50)).body("newcomerRewardId", nullValue());
    }

    @Test
    void outOfStockThePointsArePaidAndTheRewardIsRecordedUnavailableNeverRetriedNorPaidTwice() {
        run(NOW).then().statusCode(200);
        String p = programme();
        String dessert = reward(p, 1);
        setRule(p, Map.of("referrerPoints", 100, "newcomerPoints", 40, "newcomerRewardId", dessert)).then().statusCode(200);
        String referrer = Fixtures.customer();
        String code = code(referrer);
        String first = referred(code);
        String second = referred(code);
        orderPlaced(first, NOW.minusDays(30));
        orderPlaced(second, NOW.minusDays(30));

        run(NOW).then().statusCode(200).body("rewardsGranted", greaterThanOrEqualTo(1))
                .body("rewardsUnavailable", greaterThanOrEqualTo(1));
        // Stock coming back later does not pay the reward that was unavailable: it is recorded, not retried.
        asAdmin().contentType("application/merge-patch+json").body(Map.of("stock", 5))
                .patch("/api/v1/rewards/" + dessert).then().statusCode(200);
        run(NOW).then().statusCode(200);

        Map<String, Object> firstReward = (Map<String, Object>) bonus(referrer, first, p).get("newcomerReward");
        Map<String, Object> secondReward = (Map<String, Object>) bonus(referrer, second, p).get("newcomerReward");
        assertEquals("GRANTED", firstReward.get("status"), "referrals are settled in the order they were made");
        assertNotNull(firstReward.get("redemptionId"));
        assertEquals("UNAVAILABLE", secondReward.get("status"));
        assertNull(secondReward.get("redemptionId"));
        assertEquals(ReferralBonusService.UNAVAILABLE, secondReward.get("note"));
        assertEquals(1, redemptions(first).size());
        assertEquals(0, redemptions(second).size());
        for (String newcomer : List.of(first, second)) {
            assertEquals(40, pointsFor(newcomer, p, ReferralBonusService.NEWCOMER_REASON));
        }
        assertEquals(200, pointsFor(referrer, p, ReferralBonusService.REFERRER_REASON));
        asAdmin().get("/api/v1/rewards/" + dessert).then().statusCode(200).body("stock", equalTo(5));
    }

    @Test
    void anErasedNewcomersReferralIsLostAndAnErasedReferrersNewcomerIsStillPaid() {
        run(NOW).then().statusCode(200);
        String p = programme();
        setRule(p, Map.of("referrerPoints", 100, "newcomerPoints", 40)).then().statusCode(200);
        String referrer = Fixtures.customer();
        String code = code(referrer);
        String erasedNewcomer = referred(code);
        orderPlaced(erasedNewcomer, NOW.minusDays(30));
        asAdmin().post("/api/v1/customers/" + erasedNewcomer + "/erasure").then().statusCode(200);
        run(NOW).then().statusCode(200);
        Map<String, Object> lost = referrals(referrer).get(0);
        assertEquals("LOST", lost.get("status"));
        assertEquals(List.of(), lost.get("bonuses"));
        assertEquals(0, pointsFor(erasedNewcomer, p, ReferralBonusService.NEWCOMER_REASON));

        String otherReferrer = Fixtures.customer();
        String newcomer = referred(code(otherReferrer));
        orderPlaced(newcomer, NOW.minusDays(30));
        asAdmin().post("/api/v1/customers/" + otherReferrer + "/erasure").then().statusCode(200);
        run(NOW).then().statusCode(200);
        Map<String, Object> paid = bonus(otherReferrer, newcomer, p);
        assertEquals(0, paid.get("referrerPoints"));
        assertEquals(false, paid.get("capped"));
        assertEquals(40, paid.get("newcomerPoints"));
        assertEquals(40, pointsFor(newcomer, p, ReferralBonusService.NEWCOMER_REASON));
        assertEquals(0, pointsFor(otherReferrer, p, ReferralBonusService.REFERRER_REASON));
    }
}
