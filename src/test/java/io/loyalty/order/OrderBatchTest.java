package io.loyalty.order;

import io.loyalty.Fixtures;
import io.loyalty.Management;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.loyalty.Fixtures.order;
import static io.loyalty.Fixtures.post;
import static io.loyalty.Fixtures.spend;
import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orders posted at the same time share a transaction (OrderWriter): what each earns, and what the batch does with a
 * bad order or a repeated externalId among good ones.
 */
@QuarkusTest
public class OrderBatchTest {
    private static final Pattern BATCH_MAX = Pattern.compile("(?m)^loyalty_orders_batch_orders_max(?:\\{[^}]*})? ([0-9.E]+)$");

    private static double largestRecentBatch() {
        Matcher m = BATCH_MAX.matcher(Management.metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void ordersPostedTogetherAreWrittenTogetherAndEachEarnsExactlyOnce() throws Exception {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        List<String> customers = IntStream.range(0, 12).mapToObj(i -> Fixtures.member(p)).toList();
        AtomicInteger next = new AtomicInteger();
        // 48 orders, four per customer, sent 16 at a time: a customer's orders often share a batch.
        List<Integer> codes = TestSupport.parallel(48, () -> post(order(customers.get(next.getAndIncrement() % 12),
                new Object[]{"A", "x", 1, "10"})).statusCode());
        assertEquals(48, codes.stream().filter(c -> c == 201).count(), "codes " + codes);
        for (String c : customers) {
            assertEquals(40, ((Number) Fixtures.balance(c, p).get("balance")).intValue(), "balance of " + c);
            assertEquals(40L, Fixtures.ledgerSum(c, p), "ledger of " + c);
            asAdmin().queryParam("customerId", c).get("/api/v1/orders").then().body("items", hasSize(4));
        }
        assertTrue(largestRecentBatch() > 1, "no batch of more than one order was written:\n"
                + Management.metrics().lines().filter(l -> l.startsWith("loyalty_orders_batch")).toList());
    }

    @Test
    void aBadOrderInABatchFailsAloneAndARepeatedExternalIdIsAnsweredAsAReplay() throws Exception {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        Map<String, Object> usd = Fixtures.programmeBody(List.of(spend("spend", 1)));
        usd.put("currency", "USD");
        String dollars = Fixtures.programme(usd);
        List<String> customers = IntStream.range(0, 8).mapToObj(i -> Fixtures.member(p)).toList();
        String dollarMember = Fixtures.member(dollars);
        Map<String, Object> repeated = order(customers.get(0), new Object[]{"A", "x", 1, "5"});
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            if (i % 6 == 0) {
                // valid on its own, refused halfway through accrual: an INR order for a member of a USD programme
                bodies.add(order(dollarMember, new Object[]{"A", "x", 1, "10"}));
            } else if (i % 6 == 1) {
                bodies.add(repeated);
            } else {
                bodies.add(order(customers.get(i % 8), new Object[]{"A", "x", 1, "10"}));
            }
        }
        AtomicInteger next = new AtomicInteger();
        List<Response> answers = TestSupport.parallel(24, () -> post(bodies.get(next.getAndIncrement())));
        List<Integer> codes = answers.stream().map(Response::statusCode).toList();
        assertEquals(4, codes.stream().filter(c -> c == 422).count(), "codes " + codes);
        // the repeated order: created once, answered from the first time three times
        assertEquals(16 + 1, codes.stream().filter(c -> c == 201).count(), "codes " + codes);
        assertEquals(3, codes.stream().filter(c -> c == 200).count(), "codes " + codes);
        answers.stream().filter(a -> a.statusCode() == 422).forEach(a -> assertEquals("urn:loyalty:problem:currency-mismatch",
                a.path("type"), a.asString()));
        long earned = 0;
        for (String c : customers) {
            long balance = ((Number) Fixtures.balance(c, p).get("balance")).longValue();
            assertEquals(balance, Fixtures.ledgerSum(c, p), "balance equals ledger for " + c);
            earned += balance;
        }
        assertEquals(16 * 10 + 5, earned, "every good order earned once, the repeated one once");
        asAdmin().queryParam("customerId", dollarMember).get("/api/v1/orders").then().body("items", hasSize(0));
    }

    /**
     * Stamp cards of a batch are read once and changed in memory order by order (StampCardsAhead): every stamp counts
     * once, each order's answer shows the card as that order left it, and the stored card is where the last order left it.
     */
    @Test
    void stampsOfOrdersWrittenTogetherCountOnceEachAndEachAnswerShowsItsOwnCard() throws Exception {
        Map<String, Object> visits = new java.util.HashMap<>(Map.of("id", "visits", "type", "STAMP", "stampsRequired", 3,
                "per", "ORDER", "reward", "A free samosa"));
        String p = Fixtures.programme(List.of(visits));
        List<String> customers = IntStream.range(0, 6).mapToObj(i -> Fixtures.member(p)).toList();
        AtomicInteger next = new AtomicInteger();
        // 30 orders, five per customer, 16 at a time: a customer's orders often share a batch. Five visits on a card of
        // three: one card completed, two stamps on the next.
        List<Response> answers = TestSupport.parallel(30, () -> post(order(customers.get(next.getAndIncrement() % 6),
                new Object[]{"SAMOSA", "snacks", 1, "10"})));
        assertEquals(30, answers.stream().filter(a -> a.statusCode() == 201).count(),
                answers.stream().map(Response::statusCode).toList().toString());
        Map<String, List<Integer>> onCardByCustomer = new java.util.HashMap<>();
        Map<String, Integer> completedByCustomer = new java.util.HashMap<>();
        for (Response a : answers) {
            Map<String, Object> stamps = a.path("accrual.find { it.programmeId == '" + p + "' }.stamps[0]");
            String customer = a.path("customerId");
            onCardByCustomer.computeIfAbsent(customer, k -> new ArrayList<>()).add((Integer) stamps.get("onCard"));
            completedByCustomer.merge(customer, (Integer) stamps.get("cardsCompleted"), Integer::sum);
        }
        for (String c : customers) {
            List<Integer> onCard = onCardByCustomer.get(c);
            onCard.sort(null);
            // the five answers, in the order the orders were counted, read 1, 2, 0, 1, 2
            assertEquals(List.of(0, 1, 1, 2, 2), onCard, "cards shown to " + c);
            assertEquals(1, completedByCustomer.get(c), "cards completed for " + c);
            asAdmin().get("/api/v1/customers/" + c + "/loyalty").then().statusCode(200)
                    .body("programmes.find { it.programmeId == '" + p + "' }.stampCards.find { it.ruleId == 'visits' }.onCard",
                            org.hamcrest.Matchers.equalTo(2))
                    .body("programmes.find { it.programmeId == '" + p + "' }.stampCards.find { it.ruleId == 'visits' }.completed",
                            org.hamcrest.Matchers.equalTo(1))
                    .body("programmes.find { it.programmeId == '" + p + "' }.entitlements.size()", org.hamcrest.Matchers.equalTo(1));
        }
        assertTrue(largestRecentBatch() > 1, "no batch of more than one order was written");
    }
}
