package io.loyalty.reward;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.Fixtures.order;
import static io.loyalty.Fixtures.post;
import static io.loyalty.TestSupport.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reversal becomes a debt only for what no open lot can cover, so the same events give the same balance,
 * debt and right to redeem whatever their order.
 */
@QuarkusTest
public class PointsDebtTest {

    private static void returnWhole(String orderId) {
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("amount", 100, "reason", "test"))
                .post("/api/v1/orders/" + orderId + "/returns").then().statusCode(201);
    }

    private static Map<String, Object> afterEarnRedeemTopUpAndReturn(boolean returnBeforeTopUp) {
        String p = Rewards.programme();
        String c = Fixtures.member(p);
        String reward = Rewards.reward(p, 100);
        String orderId = post(order(c, new Object[]{"A", "x", 1, "100"})).then().statusCode(201).extract().path("id");
        Rewards.redeem(c, reward).then().statusCode(201);
        if (returnBeforeTopUp) {
            returnWhole(orderId);
            Rewards.credit(c, p, 1000).then().statusCode(201);
        } else {
            Rewards.credit(c, p, 1000).then().statusCode(201);
            returnWhole(orderId);
        }
        Map<String, Object> balance = Fixtures.balance(c, p);
        assertEquals(900L, Fixtures.ledgerSum(c, p));
        Fixtures.assertNoDebtBesidePoints(c, p);
        // The customer can redeem with what is left, whichever way round the events came.
        Rewards.redeem(c, reward).then().statusCode(201);
        return balance;
    }

    @Test
    void aReturnAfterATopUpDrawsOnTheTopUpInsteadOfLeavingADebt() {
        Map<String, Object> returnLast = afterEarnRedeemTopUpAndReturn(false);
        Map<String, Object> returnFirst = afterEarnRedeemTopUpAndReturn(true);
        for (Map<String, Object> b : List.of(returnLast, returnFirst)) {
            assertEquals(900, ((Number) b.get("balance")).intValue(), "balance " + b);
            assertEquals(900, ((Number) b.get("available")).intValue(), "available " + b);
            assertEquals(0, ((Number) b.get("debt")).intValue(), "debt " + b);
        }
    }

    @Test
    void aReturnDrawsOnPendingPointsBeforeOwingAny() {
        Map<String, Object> body = Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1)));
        body.put("pendingDays", 7);
        String p = Fixtures.programme(body);
        String c = Fixtures.member(p);
        String first = post(order(c, new Object[]{"A", "x", 1, "100"})).then().statusCode(201).extract().path("id");
        post(order(c, new Object[]{"A", "x", 1, "100"})).then().statusCode(201);
        // Spend the first order's points (an ADMIN debit draws on pending lots as on any other), then return it.
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("programmeId", p, "points", -100, "reason", "spent at the till"))
                .post("/api/v1/customers/" + c + "/points/adjustments").then().statusCode(201);
        returnWhole(first);
        Map<String, Object> b = Fixtures.balance(c, p);
        assertEquals(0, ((Number) b.get("balance")).intValue(), "balance " + b);
        assertEquals(0, ((Number) b.get("debt")).intValue(), "debt " + b);
        Fixtures.assertNoDebtBesidePoints(c, p);
    }

    @Test
    void concurrentReturnsRedemptionsAndTopUpsNeverLeaveADebtBesidePoints() throws Exception {
        String p = Rewards.programme();
        String c = Fixtures.member(p);
        String reward = Rewards.reward(p, 100);
        List<String> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(post(order(c, new Object[]{"A", "x", 1, "100"})).then().statusCode(201).extract().path("id"));
        }
        List<Integer> codes = io.loyalty.TestSupport.parallel(18, () -> {
            int k = (int) (Math.random() * 3);
            if (k == 0) {
                return Rewards.redeem(c, reward).statusCode();
            }
            if (k == 1) {
                return Rewards.credit(c, p, 50).statusCode();
            }
            String o = orders.get((int) (Math.random() * orders.size()));
            return asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1)), "reason", "test"))
                    .post("/api/v1/orders/" + o + "/returns").statusCode();
        });
        org.junit.jupiter.api.Assertions.assertTrue(codes.stream().allMatch(s -> s == 201 || s == 409 || s == 422),
                "codes " + codes);
        Map<String, Object> b = Fixtures.balance(c, p);
        assertEquals(((Number) b.get("balance")).longValue(), Fixtures.ledgerSum(c, p));
        Fixtures.assertNoDebtBesidePoints(c, p);
    }
}
