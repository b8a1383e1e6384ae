package io.loyalty.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.metrics.OrderMetricsFixtures.assertRate;
import static io.loyalty.metrics.OrderMetricsFixtures.customer;
import static io.loyalty.metrics.OrderMetricsFixtures.get;
import static io.loyalty.metrics.OrderMetricsFixtures.giveBack;
import static io.loyalty.metrics.OrderMetricsFixtures.order;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Retention over [2025-04-01, 2025-07-01) UTC with W = P90D, worked out by hand.
 * Active at from: a counted order in (2025-01-01T00:00Z, 2025-04-01T00:00Z] (Jan 1 + 90 days = Apr 1).
 * Active at to: a counted order in (2025-04-02T00:00Z, 2025-07-01T00:00Z] (Apr 2 + 90 days = Jul 1).
 */
@QuarkusTest
class RetentionTest {
    static final String FROM = "2025-04-01T00:00:00Z";
    static final String TO = "2025-07-01T00:00:00Z";

    /**
     * Customers and their orders:
     * <pre>
     * a: 2025-01-01T00:00 (exactly W before from: outside S's window)              -> nothing
     * b: 2025-02-10, 2025-05-15                                                    -> S, E, repeat buyer
     * c: 2025-03-20                                                                -> S, churned
     * d: 2025-04-01T00:00 exactly at from, first ever                              -> S (t included) and N, repeat buyer, churned
     * e: 2025-06-10 09:00 and 17:00 (two orders on one day), first ever            -> N, E
     * f: 2024-10-01, 2025-06-01 12:00                                              -> E, reactivated
     * g: 2025-07-01T00:00 exactly at to, first ever                                -> E (t included), not N: reactivated
     * h: 2025-03-01 fully returned, 2025-05-01                                     -> first counted order in period: N, E
     * i: 2025-03-15 partly returned (still counted)                                -> S, churned
     * </pre>
     * S = {b, c, d, i} = 4; E = {b, e, f, g, h} = 5; N = {d, e, h} = 3.
     * retained = S∩E = {b} = 1; churned = {c, d, i} = 3; retention 1/4 = 0.25, churn 3/4 = 0.75.
     * N∩E = {e, h} = 2, so CRR = (5 - 2) / 4 = 0.75 (= retained 1 + reactivated 2).
     * reactivated = E \ S \ N = {f, g} = 2; repeat buyers = S with an order in the period = {b, d} = 2.
     */
    static Fixture build() {
        String ch = OrderMetricsFixtures.channel();
        order(ch, customer(), "2025-01-01T00:00:00Z", "10");
        String b = customer();
        order(ch, b, "2025-02-10T12:00:00Z", "10");
        order(ch, b, "2025-05-15T12:00:00Z", "10");
        String c = customer();
        order(ch, c, "2025-03-20T12:00:00Z", "10");
        order(ch, customer(), FROM, "10");
        String e = customer();
        order(ch, e, "2025-06-10T09:00:00Z", "10");
        order(ch, e, "2025-06-10T17:00:00Z", "10");
        String f = customer();
        order(ch, f, "2024-10-01T12:00:00Z", "10");
        order(ch, f, "2025-06-01T12:00:00Z", "10");
        order(ch, customer(), TO, "10");
        String h = customer();
        giveBack(order(ch, h, "2025-03-01T12:00:00Z", "10"), "10");
        order(ch, h, "2025-05-01T12:00:00Z", "10");
        giveBack(order(ch, customer(), "2025-03-15T12:00:00Z", "10"), "4");
        return new Fixture(ch, c);
    }

    record Fixture(String channel, String c) {
    }

    static void assertFigures(JsonPath r, long s, long e, long n, long retained, long churned, long reactivated,
                              long repeat, long crrNumerator) {
        assertEquals(s, r.getLong("activeAtStart"), "activeAtStart");
        assertEquals(e, r.getLong("activeAtEnd"), "activeAtEnd");
        assertEquals(n, r.getLong("newCustomers"), "newCustomers");
        assertEquals(retained, r.getLong("retained"), "retained");
        assertEquals(churned, r.getLong("churned"), "churned");
        assertEquals(reactivated, r.getLong("reactivated"), "reactivated");
        assertEquals(repeat, r.getLong("repeatBuyers"), "repeatBuyers");
        assertEquals(crrNumerator, r.getLong("crr.numerator"), "crr.numerator");
    }

    @Test
    void handComputedRetentionWithItsBoundariesAndWritesSeenAtOnce() {
        Fixture fx = build();
        JsonPath r = get("/api/v1/metrics/retention", "from", FROM, "to", TO, "channel", fx.channel());
        assertFigures(r, 4, 5, 3, 1, 3, 2, 2, 3);
        assertRate(r, "retentionRate", "0.250000", 1, 4);
        assertRate(r, "churnRate", "0.750000", 3, 4);
        assertRate(r, "crr", "0.750000", 3, 4);
        assertEquals("P90D", r.getString("activityWindow"));
        assertEquals(FROM, r.getString("inputs.from"));
        assertEquals(TO, r.getString("inputs.to"));
        assertEquals("UTC", r.getString("inputs.timezone"));
        assertEquals(fx.channel(), r.getString("inputs.channel"));

        // c orders again in June: c moves from churned to retained, E = 6, a repeat buyer; CRR = (6 - 2) / 4 = 1.
        String again = order(fx.channel(), fx.c(), "2025-06-20T12:00:00Z", "10");
        r = get("/api/v1/metrics/retention", "from", FROM, "to", TO, "channel", fx.channel());
        assertFigures(r, 4, 6, 3, 2, 2, 2, 3, 4);
        assertRate(r, "crr", "1.000000", 4, 4);

        // Returning it in full takes it back out.
        giveBack(again, "10");
        r = get("/api/v1/metrics/retention", "from", FROM, "to", TO, "channel", fx.channel());
        assertFigures(r, 4, 5, 3, 1, 3, 2, 2, 3);
    }

    /**
     * The same data with interval P2M: [Apr 1, Jun 1) and [Jun 1, Jul 1), the last shorter because it ends at `to`.
     * Period 1: E at Jun 1 = an order in (Mar 3, Jun 1] = {b (May 15), c (Mar 20), d (Apr 1), h (May 1), i (Mar 15)}
     * = 5 (f's Jun 1 order is at 12:00, after); N = {d, h} = 2; retained = S∩E = {b, c, d, i} = 4, churned 0;
     * CRR = (5 - |{d, h}|) / 4 = 3/4; reactivated = 0; repeat buyers = {b, d} = 2.
     * Period 2: S = E of period 1 = 5; E = {b, e, f, g, h} = 5; N = {e} = 1; retained = {b, h} = 2, churned 3;
     * CRR = (5 - 1) / 5 = 0.8; reactivated = {f, g} = 2; repeat buyers: none of S ordered in June = 0.
     */
    @Test
    void aSeriesGivesEachPeriodItsOwnFiguresAndEndsAtTo() {
        Fixture fx = build();
        JsonPath r = get("/api/v1/metrics/retention/series", "from", FROM, "to", TO, "interval", "P2M",
                "channel", fx.channel());
        assertEquals(2, r.getList("periods").size());
        assertEquals("P2M", r.getString("interval"));
        assertEquals("2025-06-01T00:00:00Z", r.getString("periods[0].to"));
        assertEquals("2025-06-01T00:00:00Z", r.getString("periods[1].from"));
        assertEquals(TO, r.getString("periods[1].to"));
        assertFigures(r.setRoot("periods[0]"), 4, 5, 2, 4, 0, 0, 2, 3);
        assertRate(r.setRoot("periods[0]"), "retentionRate", "1.000000", 4, 4);
        assertFigures(r.setRoot("periods[1]"), 5, 5, 1, 2, 3, 2, 0, 4);
        assertRate(r.setRoot("periods[1]"), "crr", "0.800000", 4, 5);

        String csv = asAdmin().accept("text/csv").queryParam("from", FROM).queryParam("to", TO)
                .queryParam("interval", "P2M").queryParam("channel", fx.channel())
                .get("/api/v1/metrics/retention/series").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertEquals("from,to,activeAtStart,activeAtEnd,newCustomers,retained,churned,reactivated,repeatBuyers,"
                + "retentionRate,churnRate,crr\r\n"
                + "2025-04-01T00:00:00Z,2025-06-01T00:00:00Z,4,5,2,4,0,0,2,1.000000,0.000000,0.750000\r\n"
                + "2025-06-01T00:00:00Z,2025-07-01T00:00:00Z,5,5,1,2,3,2,0,0.400000,0.600000,0.800000\r\n", csv);
    }

    @Test
    void anEmptyPeriodHasZeroCountsAndNullRates() {
        JsonPath r = get("/api/v1/metrics/retention", "from", FROM, "to", TO, "channel", OrderMetricsFixtures.channel());
        assertFigures(r, 0, 0, 0, 0, 0, 0, 0, 0);
        assertRate(r, "retentionRate", null, 0, 0);
        assertRate(r, "churnRate", null, 0, 0);
        assertRate(r, "crr", null, 0, 0);
    }

    /**
     * W is a calendar period in the timezone: with W = P1M and timezone Asia/Kolkata, "active at 2025-04-01" (local
     * midnight, 2025-03-31T18:30Z) looks back to 2025-03-01 local midnight (2025-02-28T18:30Z), exclusive.
     * An order at 2025-02-28T18:30Z is exactly W before: not active; one a minute later is.
     */
    @Test
    void theWindowIsACalendarPeriodInTheTimezone() {
        String ch = OrderMetricsFixtures.channel();
        order(ch, customer(), "2025-02-28T18:30:00Z", "10");
        order(ch, customer(), "2025-02-28T18:31:00Z", "10");
        order(ch, customer(), "2025-03-31T18:30:00Z", "10");
        JsonPath r = get("/api/v1/metrics/retention", "from", "2025-04-01", "to", "2025-05-01", "timezone", "Asia/Kolkata",
                "activityWindow", "P1M", "channel", ch);
        // S = the 18:31 order's customer and the one exactly at from. That one is also the only buyer in the period,
        // a first order (N = 1, a repeat buyer of S), and exactly W before `to` (2025-04-30T18:30Z minus one month in
        // Kolkata is 2025-03-31T18:30Z), so nobody is active at `to`: E = 0, both churned.
        assertEquals("2025-03-31T18:30:00Z", r.getString("inputs.from"));
        assertEquals("P1M", r.getString("activityWindow"));
        assertFigures(r, 2, 0, 1, 0, 2, 0, 1, 0);
    }

    @Test
    void rolesAreChecked() {
        io.loyalty.TestSupport.asRole("ANALYST").queryParam("channel", OrderMetricsFixtures.channel())
                .get("/api/v1/metrics/retention").then().statusCode(200);
        io.loyalty.TestSupport.asRole("STOREFRONT").get("/api/v1/metrics/retention").then().statusCode(403)
                .body("status", equalTo(403));
    }
}
