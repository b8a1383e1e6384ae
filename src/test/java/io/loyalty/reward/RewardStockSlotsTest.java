package io.loyalty.reward;

import io.agroal.api.AgroalDataSource;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A limited stock kept in slots (reward_stock_slot): parallel redemptions never oversell and never call the reward
 * out of stock while a unit is left, units come back to the slots, setting the stock spreads it over them.
 */
@QuarkusTest
public class RewardStockSlotsTest {
    private static final String OUT_OF_STOCK = "urn:loyalty:problem:out-of-stock";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void fortyCustomersRacingForTwentyFiveUnitsGetExactlyTwentyFive() throws Exception {
        String p = Rewards.programme();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            customers.add(Rewards.memberWith(p, 100));
        }
        String reward = limited(p, 25);
        assertEquals(25, Arrays.stream(slots(reward)).sum());

        AtomicInteger next = new AtomicInteger();
        List<Response> responses = TestSupport.parallel(40, () -> Rewards.redeem(customers.get(next.getAndIncrement()), reward));
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertEquals(25, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
        assertEquals(15, responses.stream().filter(r -> r.statusCode() == 409 && OUT_OF_STOCK.equals(r.path("type"))).count(),
                "statuses: " + statuses);
        assertEquals(0, Rewards.stock(reward));
        assertArrayEquals(new int[8], slots(reward));
        assertEquals(25L, customers.stream().filter(c -> Rewards.available(c, p) == 0).count());
    }

    @Test
    void aRedemptionWaitsForSlotsHeldByOthersAndTakesTheUnitTheyLeave() throws Exception {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        String reward = limited(p, 8);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            lockAllSlots(other, reward);
            CompletableFuture<Response> redeem = CompletableFuture.supplyAsync(() -> Rewards.redeem(c, reward));
            // Shorter than RewardStock.POLLING: it is still looking for a free slot, not waiting on a lock.
            Thread.sleep(400);
            if (redeem.isDone()) {
                fail("answered while every slot was held: " + redeem.get().statusCode() + " " + redeem.get().asString());
            }
            other.commit();
            redeem.get(30, TimeUnit.SECONDS).then().statusCode(201);
        }
        assertEquals(7, Rewards.stock(reward));
    }

    @Test
    void aRedemptionWaitingOnSlotsThatRunDryIsOutOfStockOnlyWhenNoneHasAUnit() throws Exception {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 300);
        String reward = limited(p, 1);
        assertArrayEquals(new int[]{1, 0, 0, 0, 0, 0, 0, 0}, slots(reward));
        // Held past RewardStock.POLLING, the redemption waits on slot 0's lock. Meanwhile its holder empties
        // slot 0 but gives a unit to slot 5, which was empty when the waiting statement read the slots: that
        // unit must still be found.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            lockAllSlots(other, reward);
            CompletableFuture<Response> redeem = CompletableFuture.supplyAsync(() -> Rewards.redeem(c, reward));
            awaitWaitingOnASlot(redeem);
            update(other, "UPDATE reward_stock_slot SET stock = CASE slot WHEN 5 THEN 1 ELSE 0 END WHERE reward_id = ?", reward);
            other.commit();
            redeem.get(30, TimeUnit.SECONDS).then().statusCode(201);
        }
        assertArrayEquals(new int[8], slots(reward));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("stock", 1)).patch("/api/v1/rewards/" + reward)
                .then().statusCode(200);
        // The units all taken while it waits: out of stock.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            lockAllSlots(other, reward);
            CompletableFuture<Response> redeem = CompletableFuture.supplyAsync(() -> Rewards.redeem(c, reward));
            awaitWaitingOnASlot(redeem);
            update(other, "UPDATE reward_stock_slot SET stock = 0 WHERE reward_id = ?", reward);
            other.commit();
            redeem.get(30, TimeUnit.SECONDS).then().statusCode(409).body("type", equalTo(OUT_OF_STOCK));
        }
        assertEquals(0, Rewards.stock(reward));
    }

    @Test
    void cancellingAndExpiringGiveTheUnitBackToTheSlots() throws Exception {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 300);
        Map<String, Object> body = Rewards.body(p, "FREE_SHIPPING", 100);
        body.put("stock", 2);
        body.put("codeValidDays", 7);
        String reward = Rewards.reward(body);
        String a = Rewards.redeem(c, reward).then().statusCode(201).extract().path("id");
        String b = Rewards.redeem(c, reward).then().statusCode(201).extract().path("id");
        Rewards.redeem(c, reward).then().statusCode(409).body("type", equalTo(OUT_OF_STOCK));
        assertEquals(0, Arrays.stream(slots(reward)).sum());

        asAdmin().post("/api/v1/redemptions/" + a + "/cancel").then().statusCode(200);
        assertEquals(1, Rewards.stock(reward));
        assertEquals(1, Arrays.stream(slots(reward)).sum());

        try (Connection conn = dataSource.getConnection()) {
            update(conn, "UPDATE redemption SET expires_at = now() - interval '1 minute' WHERE id = ?", b);
        }
        asAdmin().post("/api/v1/redemptions/expiry-runs").then().statusCode(200);
        asAdmin().get("/api/v1/redemptions/" + b).then().body("status", equalTo("EXPIRED"));
        assertEquals(2, Rewards.stock(reward));
        assertEquals(2, Arrays.stream(slots(reward)).sum());
        assertEquals(8, slots(reward).length);
    }

    @Test
    void settingTheStockSpreadsItOverTheSlotsAndUnlimitedHasNone() throws Exception {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 1000);
        String reward = limited(p, 3);
        assertArrayEquals(new int[]{1, 1, 1, 0, 0, 0, 0, 0}, slots(reward));
        patch(reward, Map.of("stock", 20)).then().statusCode(200).body("stock", equalTo(20));
        assertArrayEquals(new int[]{3, 3, 3, 3, 2, 2, 2, 2}, slots(reward));

        Rewards.redeem(c, reward).then().statusCode(201);
        int[] afterRedemption = slots(reward);
        assertEquals(19, Arrays.stream(afterRedemption).sum());
        // A patch that does not set the stock leaves the slots as they are.
        patch(reward, Map.of("name", TestSupport.unique("renamed"))).then().statusCode(200).body("stock", equalTo(19));
        assertArrayEquals(afterRedemption, slots(reward));
        asAdmin().get("/api/v1/rewards").then().statusCode(200);

        Map<String, Object> unlimited = new HashMap<>();
        unlimited.put("stock", null);
        patch(reward, unlimited).then().statusCode(200).body("stock", nullValue());
        assertEquals(0, slots(reward).length);
        Rewards.redeem(c, reward).then().statusCode(201);
        asAdmin().get("/api/v1/rewards/" + reward).then().body("stock", nullValue());
        assertEquals(0, slots(reward).length);

        patch(reward, Map.of("stock", 0)).then().statusCode(200).body("stock", equalTo(0));
        assertArrayEquals(new int[8], slots(reward));
        Rewards.redeem(c, reward).then().statusCode(409).body("type", equalTo(OUT_OF_STOCK));
        asAdmin().queryParam("programmeId", p).get("/api/v1/rewards").then().statusCode(200)
                .body("items.find { it.id == '" + reward + "' }.stock", equalTo(0));
    }

    @Test
    void anUnlimitedRewardHasNoSlotsAndIsNeverOutOfStock() throws Exception {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 500);
        String reward = Rewards.reward(p, 100);
        List<Integer> statuses = TestSupport.parallel(5, () -> Rewards.redeem(c, reward).statusCode());
        assertEquals(List.of(201, 201, 201, 201, 201), statuses);
        asAdmin().get("/api/v1/rewards/" + reward).then().body("stock", nullValue());
        assertEquals(0, slots(reward).length);
    }

    private static String limited(String programme, int stock) {
        Map<String, Object> body = Rewards.body(programme, "FREE_SHIPPING", 100);
        body.put("stock", stock);
        return Rewards.reward(body);
    }

    private static Response patch(String reward, Map<String, Object> patch) {
        return asAdmin().contentType("application/merge-patch+json").body(patch).patch("/api/v1/rewards/" + reward);
    }

    /** The reward's slots in slot order. */
    private int[] slots(String reward) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT slot, stock FROM reward_stock_slot WHERE reward_id = ? ORDER BY slot")) {
            s.setObject(1, UUID.fromString(reward));
            List<Integer> stocks = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertEquals(stocks.size(), rs.getInt(1), "slots are numbered from 0 without gaps");
                    stocks.add(rs.getInt(2));
                }
            }
            return stocks.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static void lockAllSlots(Connection c, String reward) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT slot FROM reward_stock_slot WHERE reward_id = ? FOR UPDATE")) {
            s.setObject(1, UUID.fromString(reward));
            s.executeQuery().close();
        }
    }

    private static void update(Connection c, String sql, String id) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
    }

    /** Until the redemption's statement waits for a slot lock (failing at once if it answered instead). */
    private void awaitWaitingOnASlot(CompletableFuture<Response> redeem) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = dataSource.getConnection();
             PreparedStatement waiting = c.prepareStatement("""
                     SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                       AND wait_event_type = 'Lock' AND query ILIKE 'with pick as%reward_stock_slot%'""")) {
            while (System.nanoTime() < deadline) {
                if (redeem.isDone()) {
                    fail("the redemption answered without waiting for the held slots: " + redeem.get().statusCode()
                            + " " + redeem.get().asString());
                }
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        fail("the redemption never waited for a slot");
    }
}
