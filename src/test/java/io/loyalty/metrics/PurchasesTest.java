package io.loyalty.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.metrics.OrderMetricsFixtures.assertMoney;
import static io.loyalty.metrics.OrderMetricsFixtures.assertRate;
import static io.loyalty.metrics.OrderMetricsFixtures.customer;
import static io.loyalty.metrics.OrderMetricsFixtures.get;
import static io.loyalty.metrics.OrderMetricsFixtures.giveBack;
import static io.loyalty.metrics.OrderMetricsFixtures.order;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Purchase behaviour over [2025-04-01, 2025-07-01) UTC, worked out by hand. */
@QuarkusTest
class PurchasesTest {
    static final String FROM = "2025-04-01T00:00:00Z";
    static final String TO = "2025-07-01T00:00:00Z";

    /**
     * <pre>
     * a: 2025-01-15 100; 2025-04-01T00:00 (exactly at from) 50; 2025-05-10 10:00 30 and 18:00 20 (one day, two orders)
     * b: 2025-05-01 200 of which 50 returned (net 150); 2025-06-01 80 fully returned (not counted)
     * c: 2025-02-01 40; 2025-07-01T00:00 (exactly at to) 500: outside the period and "before to"
     * d: 2025-03-01 60 fully returned; 2025-06-15 70 (so d's first counted order is in the period)
     * </pre>
     * Period: buyers {a, b, d} = 3; orders 3 + 1 + 1 = 5; net revenue 100 + 150 + 70 = 320.
     * purchase frequency 5/3 = 1.666667; AOV 320/5 = 64.0000; revenue per buyer 320/3 = 106.6667.
     * repeat purchase rate: {a} / 3; returning customers (first order before from): {a} / 3.
     * Before to: customers {a, b, c, d} = 4 with 4, 1, 1, 1 orders: lifetime repeat {a} / 4 = 0.25;
     * historical customer value = (200 + 150 + 40 + 70) / 4 = 460 / 4 = 115.0000.
     */
    @Test
    void handComputedPurchasesWithReturnsAndBoundariesAndWritesSeenAtOnce() {
        String ch = OrderMetricsFixtures.channel();
        String a = customer();
        order(ch, a, "2025-01-15T12:00:00Z", "100");
        order(ch, a, FROM, "50");
        order(ch, a, "2025-05-10T10:00:00Z", "30");
        order(ch, a, "2025-05-10T18:00:00Z", "20");
        String b = customer();
        giveBack(order(ch, b, "2025-05-01T12:00:00Z", "200"), "50");
        giveBack(order(ch, b, "2025-06-01T12:00:00Z", "80"), "80");
        String c = customer();
        order(ch, c, "2025-02-01T12:00:00Z", "40");
        order(ch, c, TO, "500");
        String d = customer();
        giveBack(order(ch, d, "2025-03-01T12:00:00Z", "60"), "60");
        String late = order(ch, d, "2025-06-15T12:00:00Z", "70");

        JsonPath r = get("/api/v1/metrics/purchases", "from", FROM, "to", TO, "channel", ch);
        assertEquals("INR", r.getString("currency"));
        assertEquals(3, r.getLong("buyers"));
        assertEquals(5, r.getLong("orders"));
        assertMoney(r, "netRevenue", "320.0000");
        assertMoney(r, "purchaseFrequency", "1.666667");
        assertMoney(r, "averageOrderValue", "64.0000");
        assertMoney(r, "revenuePerBuyer", "106.6667");
        assertMoney(r, "historicalCustomerValue", "115.0000");
        assertRate(r, "repeatPurchaseRate", "0.333333", 1, 3);
        assertRate(r, "lifetimeRepeatPurchaseRate", "0.250000", 1, 4);
        assertRate(r, "returningCustomerRate", "0.333333", 1, 3);

        // 20 of d's June order comes back: net revenue 300, AOV 60, per buyer 100, historical value 440 / 4 = 110.
        giveBack(late, "20");
        r = get("/api/v1/metrics/purchases", "from", FROM, "to", TO, "channel", ch);
        assertMoney(r, "netRevenue", "300.0000");
        assertMoney(r, "averageOrderValue", "60.0000");
        assertMoney(r, "revenuePerBuyer", "100.0000");
        assertMoney(r, "historicalCustomerValue", "110.0000");

        // A new June order for c: 4 buyers, 6 orders, c returning (first order Feb): 2/4; c now repeats in lifetime.
        order(ch, c, "2025-06-20T12:00:00Z", "10");
        r = get("/api/v1/metrics/purchases", "from", FROM, "to", TO, "channel", ch);
        assertEquals(4, r.getLong("buyers"));
        assertEquals(6, r.getLong("orders"));
        assertRate(r, "returningCustomerRate", "0.500000", 2, 4);
        assertRate(r, "lifetimeRepeatPurchaseRate", "0.500000", 2, 4);
    }

    @Test
    void anEmptyPeriodGivesZeroSumsAndNullQuotients() {
        JsonPath r = get("/api/v1/metrics/purchases", "from", FROM, "to", TO, "channel", OrderMetricsFixtures.channel());
        assertEquals(0, r.getLong("buyers"));
        assertEquals(0, r.getLong("orders"));
        assertMoney(r, "netRevenue", "0.0000");
        assertNull(r.get("currency"));
        for (String field : new String[]{"purchaseFrequency", "averageOrderValue", "revenuePerBuyer", "historicalCustomerValue"}) {
            assertMoney(r, field, null);
        }
        assertRate(r, "repeatPurchaseRate", null, 0, 0);
        assertRate(r, "lifetimeRepeatPurchaseRate", null, 0, 0);
        assertRate(r, "returningCustomerRate", null, 0, 0);
    }

    /** An INR order and a USD one: never added up; `currency` picks one and the other is left out everywhere. */
    @Test
    void severalCurrenciesNeedCurrency() {
        String ch = OrderMetricsFixtures.channel();
        order(ch, customer(), "2025-05-01T12:00:00Z", "10", "INR");
        String usd = customer();
        order(ch, usd, "2025-05-02T12:00:00Z", "7.5", "USD");
        order(ch, usd, "2025-01-02T12:00:00Z", "2.5", "USD");
        asAdmin().queryParam("from", FROM).queryParam("to", TO).queryParam("channel", ch)
                .get("/api/v1/metrics/purchases").then().statusCode(400)
                .body("violations[0].field", equalTo("currency"))
                .body("detail", containsString("INR, USD"));
        JsonPath r = get("/api/v1/metrics/purchases", "from", FROM, "to", TO, "channel", ch, "currency", "USD");
        assertEquals("USD", r.getString("currency"));
        assertEquals(1, r.getLong("buyers"));
        assertMoney(r, "netRevenue", "7.5000");
        assertMoney(r, "historicalCustomerValue", "10.0000");
        assertRate(r, "returningCustomerRate", "1.000000", 1, 1);
    }

    /**
     * programmeId counts orders placed while the customer was a member: the member's order from before joining
     * (2025) is left out, the one placed after joining counts; a non-member's order never does.
     */
    @Test
    void aProgrammeCountsOnlyItsMembersOrdersPlacedWhileMembers() throws Exception {
        String ch = OrderMetricsFixtures.channel();
        String programme = io.loyalty.Fixtures.programme(java.util.List.of(io.loyalty.Fixtures.spend("spend", 1)));
        String member = io.loyalty.Fixtures.member(programme);
        order(ch, member, "2025-05-01T12:00:00Z", "10");
        Thread.sleep(1100);
        String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString();
        order(ch, member, now, "25");
        order(ch, customer(), now, "99");
        JsonPath r = get("/api/v1/metrics/purchases", "from", "2025-01-01", "channel", ch, "programmeId", programme);
        assertEquals(programme, r.getString("inputs.programmeId"));
        assertEquals(1, r.getLong("buyers"));
        assertEquals(1, r.getLong("orders"));
        assertMoney(r, "netRevenue", "25.0000");
        assertEquals(2, get("/api/v1/metrics/purchases", "from", "2025-01-01", "channel", ch).getLong("buyers"));
    }
}
