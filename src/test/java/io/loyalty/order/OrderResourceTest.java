package io.loyalty.order;

import io.agroal.api.AgroalDataSource;
import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.loyalty.Fixtures.order;
import static io.loyalty.Fixtures.post;
import static io.loyalty.Fixtures.spend;
import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class OrderResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void postAnswers201WithLocationAndTheOrderReadsBack() {
        String c = Fixtures.customer();
        Map<String, Object> o = order(c, new Object[]{"CHAI", "drinks", 2, "60.00"});
        Response r = asRole("STOREFRONT").body(o).post("/api/v1/orders");
        r.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/orders/[0-9a-f-]{36}$"))
                .body("externalId", equalTo(o.get("externalId")))
                .body("customerId", equalTo(c))
                .body("subtotal", equalTo(120.0f))
                .body("status", equalTo("PLACED"))
                .body("lines[0].lineNo", equalTo(1));
        asRole("ANALYST").get(r.header("Location")).then().statusCode(200).body("id", equalTo(r.path("id")));
        asAdmin().queryParam("customerId", c).get("/api/v1/orders").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(r.path("id")));
        asAdmin().queryParam("customerId", c).queryParam("from", "2999-01-01T00:00:00Z").get("/api/v1/orders")
                .then().statusCode(200).body("items", hasSize(0));
        asAdmin().queryParam("from", "yesterday").get("/api/v1/orders").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void theSameOrderAgainIsAnsweredFromTheFirstTimeAndADifferentBodyIs409() {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.member(p);
        Map<String, Object> o = order(c, new Object[]{"A", "x", 1, "100"});
        Response first = post(o);
        first.then().statusCode(201);
        Response again = post(o);
        again.then().statusCode(200)
                .body("id", equalTo(first.path("id")))
                .body("accrual", equalTo(first.path("accrual")));
        assertEquals(100L, Fixtures.ledgerSum(c, p), "the replay earned nothing");

        Map<String, Object> sameValuesOtherFormatting = new HashMap<>(o);
        sameValuesOtherFormatting.put("total", "100.0000");
        post(sameValuesOtherFormatting).then().statusCode(200);

        Map<String, Object> changed = new HashMap<>(o);
        changed.put("total", "200");
        changed.put("lines", List.of(Map.of("sku", "A", "quantity", 2, "unitPrice", 100)));
        post(changed).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:order-conflict"));
    }

    @Test
    void concurrentDuplicatesEndWithOneOrderAndOneAccrual() throws Exception {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.member(p);
        Map<String, Object> o = order(c, new Object[]{"A", "x", 1, "75"});
        List<Integer> codes = TestSupport.parallel(16, () -> post(o).statusCode());
        assertEquals(1, codes.stream().filter(x -> x == 201).count(), "codes " + codes);
        assertEquals(15, codes.stream().filter(x -> x == 200).count(), "codes " + codes);
        asAdmin().queryParam("customerId", c).get("/api/v1/orders").then().body("items", hasSize(1));
        assertEquals(75L, Fixtures.ledgerSum(c, p));
    }

    @Test
    void aBurstOfConcurrentOrdersForOneCustomerLosesNothingAndBalancesEqualTheLedger() throws Exception {
        String p1 = Fixtures.programme(List.of(spend("spend", 1)));
        Map<String, Object> cappedRule = spend("capped", 2);
        cappedRule.put("capPerDay", 500);
        String p2 = Fixtures.programme(List.of(cappedRule));
        String c = Fixtures.member(p1, p2);
        List<Integer> codes = TestSupport.parallel(40, () -> post(order(c, new Object[]{"A", "x", 1, "10"})).statusCode());
        assertEquals(40, codes.stream().filter(x -> x == 201).count(), "codes " + codes);

        assertEquals(400, ((Number) Fixtures.balance(c, p1).get("balance")).intValue());
        assertEquals(400L, Fixtures.ledgerSum(c, p1));
        assertEquals(500, ((Number) Fixtures.balance(c, p2).get("balance")).intValue(), "the daily cap holds under concurrency");
        assertEquals(500L, Fixtures.ledgerSum(c, p2));
        assertLedgerInvariant(c);
    }

    @Test
    void badOrdersAre4xxProblems() {
        String c = Fixtures.customer();
        Map<String, Object> wrongTotal = order(c, new Object[]{"A", "x", 2, "10"});
        wrongTotal.put("total", "25");
        post(wrongTotal).then().statusCode(400).body("violations[0].field", equalTo("total"))
                .body("detail", containsString("= 20"));

        Map<String, Object> noLines = order(c, new Object[]{"A", "x", 1, "10"});
        noLines.put("lines", List.of());
        post(noLines).then().statusCode(400).body("violations[0].field", containsString("lines"));

        Map<String, Object> badLine = order(c, new Object[]{"A", "x", 1, "10"});
        badLine.put("lines", List.of(Map.of("sku", "A", "quantity", 0, "unitPrice", -1)));
        post(badLine).then().statusCode(400);

        Map<String, Object> future = order(c, new Object[]{"A", "x", 1, "10"});
        future.put("placedAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString());
        post(future).then().statusCode(400).body("violations[0].field", equalTo("placedAt"));

        Map<String, Object> badCurrency = order(c, new Object[]{"A", "x", 1, "10"});
        badCurrency.put("currency", "XYZ");
        post(badCurrency).then().statusCode(400).body("violations[0].field", equalTo("currency"));

        Map<String, Object> twoCustomers = order(c, new Object[]{"A", "x", 1, "10"});
        twoCustomers.put("customerExternalId", "someone");
        post(twoCustomers).then().statusCode(400);

        Map<String, Object> unknown = order(UUID.randomUUID().toString(), new Object[]{"A", "x", 1, "10"});
        post(unknown).then().statusCode(422).body("type", equalTo("urn:loyalty:problem:unknown-customer"));

        Map<String, Object> unknownExternal = order(c, new Object[]{"A", "x", 1, "10"});
        unknownExternal.remove("customerId");
        unknownExternal.put("customerExternalId", "nobody-" + UUID.randomUUID());
        post(unknownExternal).then().statusCode(422);

        asAdmin().body("{\"externalId\": 1, ").post("/api/v1/orders").then().statusCode(400);
        asRole("ANALYST").body(order(c, new Object[]{"A", "x", 1, "10"})).post("/api/v1/orders").then().statusCode(403);
        asAdmin().get("/api/v1/orders/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anOrderInAnotherCurrencyThanAProgrammeIsRefusedNotConverted() {
        String p = Fixtures.programme(List.of(spend("spend", 1)));
        String c = Fixtures.member(p);
        Map<String, Object> eur = order(c, new Object[]{"A", "x", 1, "10"});
        eur.put("currency", "EUR");
        post(eur).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:currency-mismatch"))
                .body("detail", containsString("INR"));
        asAdmin().queryParam("customerId", c).get("/api/v1/orders").then().body("items", hasSize(0));
    }

    @Test
    void guestCheckoutCreatesTheCustomerOnceAndFindsThemAfterwards() throws Exception {
        String email = TestSupport.uniqueEmail();
        Map<String, Object> guest = Map.of("email", email, "firstName", "Guest");
        List<Integer> codes = TestSupport.parallel(6, () -> {
            Map<String, Object> o = order(null, new Object[]{"A", "x", 1, "10"});
            o.remove("customerId");
            o.put("customer", guest);
            return post(o).statusCode();
        });
        assertEquals(6, codes.stream().filter(x -> x == 201).count(), "codes " + codes);
        String id = asAdmin().queryParam("email", email).get("/api/v1/customers").then().body("items", hasSize(1))
                .extract().path("items[0].id");
        asAdmin().queryParam("customerId", id).get("/api/v1/orders").then().body("items", hasSize(6));
    }

    /** balance == sum of ledger entries == sum of lot remainders - debt, for every membership of the customer. */
    void assertLedgerInvariant(String customerId) throws Exception {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement s = conn.prepareStatement("""
                     SELECT m.id, m.balance, m.debt,
                            (SELECT coalesce(sum(points), 0) FROM ledger_entry e WHERE e.membership_id = m.id),
                            (SELECT coalesce(sum(remaining), 0) FROM point_lot l WHERE l.membership_id = m.id),
                            (SELECT coalesce(sum(remaining), 0) FROM point_lot l WHERE l.membership_id = m.id
                                AND (l.expires_at IS NULL OR l.expires_at > now()))
                     FROM membership m WHERE m.customer_id = ?""")) {
            s.setObject(1, UUID.fromString(customerId));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertEquals(rs.getLong(2), rs.getLong(4), "balance == ledger sum");
                    assertEquals(rs.getLong(2), rs.getLong(5) - rs.getLong(3), "balance == lots - debt");
                    assertTrue(rs.getLong(3) == 0 || rs.getLong(6) == 0, "no debt beside open lots");
                }
            }
        }
    }
}
