package io.loyalty.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.metrics.OrderMetricsFixtures.customer;
import static io.loyalty.metrics.OrderMetricsFixtures.get;
import static io.loyalty.metrics.OrderMetricsFixtures.giveBack;
import static io.loyalty.metrics.OrderMetricsFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cohorts over [2025-01-01, 2025-04-01), worked out by hand. Orders (at 10:00Z unless said):
 * <pre>
 * p: 2025-01-05 100, 2025-02-10 50, 2025-03-03 25
 * q: 2025-01-20 200, 2025-03-15 100 of which 40 returned (net 60)
 * r: 2025-01-31T20:00Z 80 (1 February 01:30 in Kolkata), 2025-02-20 20
 * s: 2025-02-14 40, 2025-02-20 10 (two orders in its own month)
 * t: 2024-12-10 5, 2025-01-10 5: first order before from, in no cohort
 * u: 2025-04-01T00:00Z 30, first ever: exactly at to (UTC), outside
 * v: 2025-03-10 90 fully returned: no counted order, in no cohort
 * </pre>
 */
@QuarkusTest
class CohortTest {

    record Fixture(String channel, String s) {
    }

    static Fixture build() {
        String ch = OrderMetricsFixtures.channel();
        String p = customer();
        order(ch, p, "2025-01-05T10:00:00Z", "100");
        order(ch, p, "2025-02-10T10:00:00Z", "50");
        order(ch, p, "2025-03-03T10:00:00Z", "25");
        String q = customer();
        order(ch, q, "2025-01-20T10:00:00Z", "200");
        giveBack(order(ch, q, "2025-03-15T10:00:00Z", "100"), "40");
        String r = customer();
        order(ch, r, "2025-01-31T20:00:00Z", "80");
        order(ch, r, "2025-02-20T10:00:00Z", "20");
        String s = customer();
        order(ch, s, "2025-02-14T10:00:00Z", "40");
        order(ch, s, "2025-02-20T10:00:00Z", "10");
        String t = customer();
        order(ch, t, "2024-12-10T10:00:00Z", "5");
        order(ch, t, "2025-01-10T10:00:00Z", "5");
        order(ch, customer(), "2025-04-01T00:00:00Z", "30");
        giveBack(order(ch, customer(), "2025-03-10T10:00:00Z", "90"), "90");
        return new Fixture(ch, s);
    }

    static void assertCell(JsonPath json, String cell, int offset, long customers, String share, String revenue) {
        assertEquals(offset, json.getInt(cell + ".offset"), cell + ".offset");
        assertEquals(customers, json.getLong(cell + ".customers"), cell + ".customers");
        assertEquals(new BigDecimal(share), json.get(cell + ".share"), cell + ".share");
        if (revenue == null) {
            assertNull(json.get(cell + ".revenuePerCustomer"), cell + ".revenuePerCustomer");
        } else {
            assertEquals(new BigDecimal(revenue), json.get(cell + ".revenuePerCustomer"), cell + ".revenuePerCustomer");
        }
    }

    /**
     * UTC months. Cohort 2025-01 = {p, q, r}, size 3:
     * k0 January {p, q, r} 3/3, revenue 100 + 200 + 80 = 380 / 3 = 126.6667;
     * k1 February {p, r} 2/3 = 0.666667, cumulative 380 + 50 + 20 = 450 / 3 = 150.0000;
     * k2 March {p, q} 2/3, cumulative 450 + 25 + 60 = 535 / 3 = 178.3333.
     * Cohort 2025-02 = {s}, size 1: k0 1, 40 + 10 = 50.0000; k1 March 0, share 0, cumulative still 50.0000.
     * No cohort 2025-03: v's order was returned, u's is at `to`.
     */
    @Test
    void monthlyCohortsWithRevenue() {
        Fixture fx = build();
        String ch = fx.channel();
        JsonPath r = get("/api/v1/metrics/cohorts", "from", "2025-01-01", "to", "2025-04-01", "view", "revenue",
                "channel", ch);
        assertEquals("month", r.getString("granularity"));
        assertEquals("revenue", r.getString("view"));
        assertEquals("INR", r.getString("currency"));
        assertEquals(2, r.getList("cohorts").size());
        assertEquals("2025-01", r.getString("cohorts[0].cohort"));
        assertEquals(3, r.getLong("cohorts[0].size"));
        assertEquals(3, r.getList("cohorts[0].cells").size());
        assertCell(r, "cohorts[0].cells[0]", 0, 3, "1.000000", "126.6667");
        assertCell(r, "cohorts[0].cells[1]", 1, 2, "0.666667", "150.0000");
        assertCell(r, "cohorts[0].cells[2]", 2, 2, "0.666667", "178.3333");
        assertEquals("2025-02", r.getString("cohorts[1].cohort"));
        assertEquals(1, r.getLong("cohorts[1].size"));
        assertEquals(2, r.getList("cohorts[1].cells").size());
        assertCell(r, "cohorts[1].cells[0]", 0, 1, "1.000000", "50.0000");
        assertCell(r, "cohorts[1].cells[1]", 1, 0, "0.000000", "50.0000");

        // The customers view adds no money: counts and shares only.
        r = get("/api/v1/metrics/cohorts", "from", "2025-01-01", "to", "2025-04-01", "channel", ch);
        assertEquals("customers", r.getString("view"));
        assertNull(r.get("currency"));
        assertCell(r, "cohorts[0].cells[1]", 1, 2, "0.666667", null);

        String csv = asAdmin().accept("text/csv").queryParam("from", "2025-01-01").queryParam("to", "2025-04-01")
                .queryParam("view", "revenue").queryParam("channel", ch).get("/api/v1/metrics/cohorts")
                .then().statusCode(200).extract().asString();
        assertEquals("""
                cohort,size,offset,customers,share,revenuePerCustomer\r
                2025-01,3,0,3,1.000000,126.6667\r
                2025-01,3,1,2,0.666667,150.0000\r
                2025-01,3,2,2,0.666667,178.3333\r
                2025-02,1,0,1,1.000000,50.0000\r
                2025-02,1,1,0,0.000000,50.0000\r
                """, csv);

        // Seen at once: s orders 15 in March, so the February cohort's k1 is 1/1, cumulative 65.
        order(ch, fx.s(), "2025-03-20T10:00:00Z", "15");
        r = get("/api/v1/metrics/cohorts", "from", "2025-01-01", "to", "2025-04-01", "view", "revenue", "channel", ch);
        assertCell(r, "cohorts[1].cells[1]", 1, 1, "1.000000", "65.0000");
    }

    /**
     * Asia/Kolkata (UTC+5:30): from = 2024-12-31T18:30Z, to = 2025-03-31T18:30Z. r's first order (2025-01-31T20:00Z)
     * is on 1 February there, so r joins s in the February cohort; u's order (Apr 1 05:30 local) stays outside.
     * Cohort 2025-01 = {p, q}: k0 2, 300 / 2 = 150.0000; k1 {p} 1/2 = 0.5, 350 / 2 = 175.0000;
     * k2 {p, q} 2/2, 350 + 85 = 435 / 2 = 217.5000.
     * Cohort 2025-02 = {r, s}: k0 2, (80 + 20 + 40 + 10) / 2 = 75.0000; k1 0, 75.0000.
     */
    @Test
    void theTimezoneMovesAnOrderIntoTheNextMonth() {
        String ch = build().channel();
        JsonPath r = get("/api/v1/metrics/cohorts", "from", "2025-01-01", "to", "2025-04-01", "view", "revenue",
                "timezone", "Asia/Kolkata", "channel", ch);
        assertEquals("2024-12-31T18:30:00Z", r.getString("inputs.from"));
        assertEquals(List.of("2025-01", "2025-02"), r.getList("cohorts.cohort"));
        assertEquals(2, r.getLong("cohorts[0].size"));
        assertCell(r, "cohorts[0].cells[0]", 0, 2, "1.000000", "150.0000");
        assertCell(r, "cohorts[0].cells[1]", 1, 1, "0.500000", "175.0000");
        assertCell(r, "cohorts[0].cells[2]", 2, 2, "1.000000", "217.5000");
        assertEquals(2, r.getLong("cohorts[1].size"));
        assertCell(r, "cohorts[1].cells[0]", 0, 2, "1.000000", "75.0000");
        assertCell(r, "cohorts[1].cells[1]", 1, 0, "0.000000", "75.0000");
    }

    /**
     * ISO weeks from Monday 2024-12-30 (week 1 of 2025, though in 2024) to Monday 2025-01-27, UTC:
     * W01 [Dec 30, Jan 6) holds p's first order (Jan 5); W02 t's Jan 10 (not new); W04 [Jan 20, Jan 27) q's first.
     * Cohort 2025-W01 = {p}: cells for W01..W04 = 1, 0, 0, 0. Cohort 2025-W04 = {q}: 1.
     */
    @Test
    void weeklyCohortsAreIsoWeeks() {
        String ch = build().channel();
        JsonPath r = get("/api/v1/metrics/cohorts", "from", "2024-12-30", "to", "2025-01-27", "granularity", "week",
                "channel", ch);
        assertEquals("week", r.getString("granularity"));
        assertEquals(List.of("2025-W01", "2025-W04"), r.getList("cohorts.cohort"));
        assertEquals(List.of(1, 0, 0, 0), r.getList("cohorts[0].cells.customers"));
        assertEquals(List.of(0, 1, 2, 3), r.getList("cohorts[0].cells.offset"));
        assertEquals(List.of(1), r.getList("cohorts[1].cells.customers"));
    }

    @Test
    void anEmptyPeriodHasNoCohorts() {
        JsonPath r = get("/api/v1/metrics/cohorts", "from", "2025-01-01", "to", "2025-04-01",
                "channel", OrderMetricsFixtures.channel());
        assertEquals(List.of(), r.getList("cohorts"));
    }
}
