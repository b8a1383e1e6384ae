package io.loyalty.reward;

import io.loyalty.Fixtures;
import io.loyalty.Management;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redemptions asked for at the same time share a transaction (RedemptionWriter): each is answered as it would be on
 * its own, whatever else its batch held, and nothing is spent, sold or issued twice.
 */
@QuarkusTest
public class RedemptionBatchTest {
    private static final Pattern BATCH_MAX = Pattern.compile(
            "(?m)^loyalty_redemptions_batch_redemptions_max(?:\\{[^}]*})? ([0-9.E]+)$");

    private static double largestRecentBatch() {
        Matcher m = BATCH_MAX.matcher(Management.metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long balance(String customer, String programme) {
        return ((Number) Fixtures.balance(customer, programme).get("balance")).longValue();
    }

    @Test
    void redemptionsAskedForTogetherAreWrittenTogetherAndEachSpendsOnce() throws Exception {
        String p = Rewards.programme();
        String reward = Rewards.reward(p, 10);
        List<String> customers = IntStream.range(0, 12).mapToObj(i -> Rewards.memberWith(p, 100)).toList();
        AtomicInteger next = new AtomicInteger();
        // 48 redemptions, four per customer, sent 16 at a time: a customer's redemptions often share a batch.
        List<Response> answers = TestSupport.parallel(48, () -> Rewards.redeem(customers.get(next.getAndIncrement() % 12), reward));
        List<Integer> codes = answers.stream().map(Response::statusCode).toList();
        assertEquals(48, codes.stream().filter(c -> c == 201).count(), "codes " + codes);
        assertEquals(48, answers.stream().map(a -> a.path("code")).distinct().count(), "every redemption its own code");
        for (String c : customers) {
            assertEquals(60L, balance(c, p), "balance of " + c);
            assertEquals(60L, Fixtures.ledgerSum(c, p), "ledger of " + c);
            Fixtures.assertNoDebtBesidePoints(c, p);
            asAdmin().queryParam("customerId", c).get("/api/v1/redemptions").then().body("items", hasSize(4));
        }
        // Each answer shows the balance right after its own redemption: for one customer, 90, 80, 70 and 60 once each.
        for (String c : customers) {
            List<Integer> after = answers.stream().filter(a -> c.equals(a.path("customerId")))
                    .map(a -> ((Number) a.path("balance")).intValue()).sorted().toList();
            assertEquals(List.of(60, 70, 80, 90), after, "balances answered to " + c);
        }
        assertTrue(largestRecentBatch() > 1, "no batch of more than one redemption was written:\n"
                + Management.metrics().lines().filter(l -> l.startsWith("loyalty_redemptions_batch")).toList());
    }

    /** What one request asks for and the answer it must get, whichever batch it lands in. */
    private record Ask(String customer, String reward, String key, int status, String problem) {
    }

    @Test
    void badRedemptionsInABatchFailAloneWithTheirOwnProblem() throws Exception {
        String p = Rewards.programme();
        String cheap = Rewards.reward(p, 10);
        Map<String, Object> hotBody = Rewards.body(p, "FREE_PRODUCT", 10);
        hotBody.put("stock", 4);
        String hot = Rewards.reward(hotBody);
        Map<String, Object> loyalBody = Rewards.body(p, "SERVICE", 10);
        loyalBody.put("eligibility", Map.of("minLifetimePoints", 1_000_000));
        String loyalOnly = Rewards.reward(loyalBody);
        List<String> rich = IntStream.range(0, 8).mapToObj(i -> Rewards.memberWith(p, 1000)).toList();
        String poor = Rewards.memberWith(p, 5);
        String replayed = UUID.randomUUID().toString();

        List<Ask> asks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            asks.add(new Ask(rich.get(i % 8), cheap, UUID.randomUUID().toString(), 201, null));
        }
        for (int i = 0; i < 4; i++) {
            asks.add(new Ask(poor, cheap, UUID.randomUUID().toString(), 422, "insufficient-points"));
            asks.add(new Ask(rich.get(i), loyalOnly, UUID.randomUUID().toString(), 422, "not-eligible"));
            // the same key and body four times: redeemed once, answered from the first time otherwise
            asks.add(new Ask(rich.get(7), cheap, replayed, 0, null));
        }
        for (int i = 0; i < 8; i++) {
            // 8 customers after 4 units: 4 get one, 4 are told it is out of stock
            asks.add(new Ask(rich.get(i), hot, UUID.randomUUID().toString(), 0, null));
        }
        java.util.Collections.shuffle(asks);
        AtomicInteger next = new AtomicInteger();
        List<Map.Entry<Ask, Response>> answers = TestSupport.parallel(asks.size(), () -> {
            Ask a = asks.get(next.getAndIncrement());
            return Map.entry(a, Rewards.redeem(a.customer(), a.reward(), a.key()));
        });

        Map<String, Integer> hotCodes = new HashMap<>();
        List<String> replayIds = new ArrayList<>();
        List<Integer> replayCodes = new ArrayList<>();
        for (Map.Entry<Ask, Response> e : answers) {
            Ask a = e.getKey();
            Response r = e.getValue();
            if (a.reward().equals(hot)) {
                hotCodes.merge(r.statusCode() + (r.statusCode() == 409 ? " " + r.path("type") : ""), 1, Integer::sum);
            } else if (a.key().equals(replayed)) {
                replayCodes.add(r.statusCode());
                replayIds.add(r.path("id"));
            } else {
                assertEquals(a.status(), r.statusCode(), a + ": " + r.asString());
                if (a.problem() != null) {
                    assertEquals("urn:loyalty:problem:" + a.problem(), r.path("type"), a + ": " + r.asString());
                }
            }
        }
        assertEquals(Map.of("201", 4, "409 urn:loyalty:problem:out-of-stock", 4), hotCodes, "the hot reward's answers");
        assertEquals(0, Rewards.stock(hot));
        assertEquals(List.of(200, 200, 200, 201), replayCodes.stream().sorted().toList(), "the replayed key's answers");
        assertEquals(1, replayIds.stream().distinct().count(), "the replayed key's redemptions " + replayIds);

        assertEquals(5L, balance(poor, p));
        assertEquals(5L, Fixtures.ledgerSum(poor, p));
        long spent = 0;
        for (String c : rich) {
            long b = balance(c, p);
            assertEquals(b, Fixtures.ledgerSum(c, p), "balance equals ledger for " + c);
            Fixtures.assertNoDebtBesidePoints(c, p);
            spent += 1000 - b;
        }
        assertEquals((16 + 1 + 4) * 10L, spent, "16 cheap, the replayed one once, 4 units of the hot reward");
        asAdmin().queryParam("customerId", poor).get("/api/v1/redemptions").then().body("items", hasSize(0));
    }

    @Test
    void aKeyReusedWithAnotherBodyInTheSameBurstIsAConflictForOneOfThem() throws Exception {
        String p = Rewards.programme();
        String first = Rewards.reward(p, 10);
        String second = Rewards.reward(p, 20);
        List<String> customers = IntStream.range(0, 6).mapToObj(i -> Rewards.memberWith(p, 100)).toList();
        String key = UUID.randomUUID().toString();
        AtomicInteger next = new AtomicInteger();
        List<Response> answers = TestSupport.parallel(14, () -> {
            int i = next.getAndIncrement();
            return i < 2 ? Rewards.redeem(customers.get(0), i == 0 ? first : second, key)
                    : Rewards.redeem(customers.get(i % 6), first);
        });
        List<Integer> codes = answers.stream().map(Response::statusCode).toList();
        assertEquals(13, codes.stream().filter(c -> c == 201).count(), "codes " + codes);
        assertEquals(1, codes.stream().filter(c -> c == 409).count(), "codes " + codes);
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a ->
                assertEquals("urn:loyalty:problem:idempotency-key-reused", a.path("type"), a.asString()));
        for (String c : customers) {
            assertEquals(balance(c, p), Fixtures.ledgerSum(c, p), "balance equals ledger for " + c);
        }
    }
}
