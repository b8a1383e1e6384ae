package io.loyalty.reward;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parallel requests against the real database: nothing is lost, oversold or spent twice. */
@QuarkusTest
public class RedemptionConcurrencyTest {

    @Test
    void twoHundredParallelRedemptionsSellExactlyTheStock() throws Exception {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 500);
        Map<String, Object> body = Rewards.body(p, "FREE_PRODUCT", 100);
        body.put("stock", 3);
        String reward = Rewards.reward(body);

        List<Integer> statuses = TestSupport.parallel(200, () -> Rewards.redeem(c, reward).statusCode());
        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), "successes: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409 || s == 422), "statuses: " + statuses);
        assertEquals(0, Rewards.stock(reward));
        assertEquals(200L, Rewards.available(c, p));
        assertEquals(200L, Fixtures.ledgerSum(c, p));
        Fixtures.assertNoDebtBesidePoints(c, p);
        asAdmin().queryParam("customerId", c).get("/api/v1/redemptions").then().statusCode(200).body("items", hasSize(3));
        Map<String, Object> balance = Fixtures.balance(c, p);
        assertEquals(300, ((Number) balance.get("redeemed")).intValue());
        assertEquals(200, ((Number) balance.get("balance")).intValue());
        assertEquals(0, ((Number) balance.get("debt")).intValue());
    }

    @Test
    void pointsRunOutBeforeAnUnlimitedStockDoes() throws Exception {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 500);
        String reward = Rewards.reward(p, 100);
        List<Integer> statuses = TestSupport.parallel(40, () -> Rewards.redeem(c, reward).statusCode());
        assertEquals(5, statuses.stream().filter(s -> s == 201).count(), "successes: " + statuses);
        assertEquals(35, statuses.stream().filter(s -> s == 422).count(), "statuses: " + statuses);
        assertEquals(0L, Rewards.available(c, p));
        assertEquals(0L, Fixtures.ledgerSum(c, p));
        Fixtures.assertNoDebtBesidePoints(c, p);
        assertEquals(0, ((Number) Fixtures.balance(c, p).get("balance")).intValue());
    }

    @Test
    void oneKeyReplayedConcurrentlyRedeemsOnce() throws Exception {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 500);
        String reward = Rewards.reward(p, 100);
        String key = UUID.randomUUID().toString();
        List<Response> responses = TestSupport.parallel(20, () -> Rewards.redeem(c, reward, key));
        Set<String> ids = responses.stream().map(r -> (String) r.path("id")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "redemption ids: " + ids);
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(19, responses.stream().filter(r -> r.statusCode() == 200).count());
        assertEquals(400L, Rewards.available(c, p));
        assertEquals(400L, Fixtures.ledgerSum(c, p));
        Fixtures.assertNoDebtBesidePoints(c, p);
    }

    @Test
    void useAndCancelRacingOnOneCodeEndWithOneOfThem() throws Exception {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        String id = Rewards.redeem(c, Rewards.reward(p, 100)).then().statusCode(201).extract().path("id");
        List<Integer> statuses = TestSupport.parallel(10, () -> {
            boolean cancel = Math.random() < 0.5;
            return cancel ? asAdmin().post("/api/v1/redemptions/" + id + "/cancel").statusCode()
                    : asAdmin().body(Map.of("orderExternalId", "till-1")).post("/api/v1/redemptions/" + id + "/use").statusCode();
        });
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), "statuses: " + statuses);
        String status = asAdmin().get("/api/v1/redemptions/" + id).path("status");
        List<Object> transitions = asAdmin().get("/api/v1/redemptions/" + id).jsonPath().getList("transitions");
        assertEquals(2, transitions.size());
        assertEquals(status.equals("CANCELLED") ? 100L : 0L, Fixtures.ledgerSum(c, p));
        Fixtures.assertNoDebtBesidePoints(c, p);
    }
}
