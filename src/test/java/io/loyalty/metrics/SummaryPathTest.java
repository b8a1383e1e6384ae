package io.loyalty.metrics;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.metrics.OrderMetricsFixtures.channel;
import static io.loyalty.metrics.OrderMetricsFixtures.customer;
import static io.loyalty.metrics.OrderMetricsFixtures.giveBack;
import static io.loyalty.metrics.OrderMetricsFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For the whole business the metrics read the customer summary; filtered, they group the orders (the path the
 * hand-computed fixtures check). Over everything in the database, with customers made to reach every case of
 * {@link CustomerHistory} (no order after the instant, orders after it in one currency, in two), both paths must
 * give the same figures, for instants before, among and after those orders.
 */
@QuarkusTest
class SummaryPathTest {
    private static final List<Instant> INSTANTS = List.of(Instant.parse("2025-12-31T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-15T12:00:00Z"),
            Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));

    @Inject
    AnalyticsDatabase analytics;
    @Inject
    PurchaseQuery purchases;
    @Inject
    RetentionQuery retention;
    @Inject
    RfmQueries rfm;
    @Inject
    ProgrammeMetricsQueries programmes;
    @Inject
    CohortQuery cohorts;

    @BeforeEach
    void someOfEveryKind() {
        String ch = channel();
        String steady = customer();
        order(ch, steady, "2026-01-10T00:00:00Z", "10");
        order(ch, steady, "2026-01-20T00:00:00Z", "20");
        String later = customer();
        order(ch, later, "2026-01-15T00:00:00Z", "15");
        order(ch, later, "2026-02-15T12:00:00Z", "30");
        String returned = order(ch, later, "2026-03-01T00:00:00Z", "45");
        giveBack(returned, "5");
        String mixed = customer();
        order(ch, mixed, "2026-01-05T00:00:00Z", "50");
        order(ch, mixed, "2026-03-05T00:00:00Z", "60", "USD");
        String gone = customer();
        giveBack(order(ch, gone, "2026-02-20T00:00:00Z", "70"), "70");
        // last order exactly at one of the instants: before it, it does not count yet
        order(ch, gone, "2026-04-01T00:00:00Z", "80");
        // active at 2026-02-15T12:00 and, with a 30-day window, at 2026-04-01, with an order between the two windows
        String gap = customer();
        order(ch, gap, "2026-02-10T00:00:00Z", "5");
        order(ch, gap, "2026-02-20T00:00:00Z", "6");
        order(ch, gap, "2026-03-20T00:00:00Z", "7");
        // first orders exactly at an instant, two at once: new in the period from it, and active at it
        String atFrom = customer();
        order(ch, atFrom, "2026-02-01T00:00:00Z", "8");
        order(ch, atFrom, "2026-02-01T00:00:00Z", "9");
        order(ch, atFrom, "2026-02-10T00:00:00Z", "10");
    }

    private static Scope whole(Instant from, Instant to) {
        return inCurrency(from, to, null);
    }

    private static Scope inCurrency(Instant from, Instant to, String currency) {
        return new Scope(from, to, ZoneOffset.UTC, null, null, currency, null);
    }

    /** The whole business, and in each of the two currencies the mixed customer ordered in. */
    @Test
    void theHistoryBeforeAnInstantIsTheSameFromTheSummaryAsFromTheOrders() {
        for (String currency : Arrays.asList(null, "INR", "USD")) {
            for (Instant t : INSTANTS) {
                historyAgrees(inCurrency(null, t, currency), t);
            }
        }
    }

    private void historyAgrees(Scope scope, Instant t) {
        Sql summary = CustomerHistory.fromSummary(scope, t);
        Sql grouped = CustomerHistory.grouped(scope, t);
        assertEquals(0, count(new Sql("SELECT * FROM ").append(summary).append(" a EXCEPT SELECT * FROM ").append(grouped)
                .append(" b")), "rows of the summary the orders do not give, before " + t);
        assertEquals(0, count(new Sql("SELECT * FROM ").append(grouped).append(" a EXCEPT SELECT * FROM ").append(summary)
                .append(" b")), "rows of the orders the summary does not give, before " + t);
        assertTrue(count(new Sql("SELECT * FROM ").append(grouped).append(" a")) > 0 || t.equals(INSTANTS.get(0))
                || "USD".equals(scope.currency()));
    }

    @Test
    void purchasesAreTheSameFromTheSummaryAsFromTheOrders() {
        for (int i = 0; i + 1 < INSTANTS.size(); i++) {
            Scope scope = whole(INSTANTS.get(i), INSTANTS.get(i + 1));
            assertEquals(purchases.fromOrders(scope), purchases.fromSummary(scope), scope.toString());
        }
        Scope all = whole(INSTANTS.get(0), INSTANTS.get(INSTANTS.size() - 1));
        assertEquals(purchases.fromOrders(all), purchases.fromSummary(all));
    }

    @Test
    void retentionIsTheSameFromEachOrdersPlaceInItsCustomersHistory() {
        for (int i = 0; i + 1 < INSTANTS.size(); i++) {
            Scope scope = whole(INSTANTS.get(i), INSTANTS.get(i + 1));
            for (Period w : List.of(Period.ofDays(30), Period.ofDays(90))) {
                assertEquals(retention.fromOrders(scope, w), retention.fromChain(scope, w), scope + " " + w);
            }
        }
    }

    /** Every cell (customers, and revenue); the fixtures' orders fall on bucket starts in UTC, and not in Kolkata. */
    @Test
    void cohortsAreTheSameFromEachOrdersPlaceInItsCustomersHistory() {
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Asia/Kolkata"))) {
            for (Periods.Granularity unit : Periods.Granularity.values()) {
                for (Instant from : List.of(INSTANTS.get(0), INSTANTS.get(1))) {
                    Instant to = INSTANTS.get(3);
                    Scope scope = new Scope(from, to, zone, null, null, null, null);
                    List<Instant> bounds = Periods.buckets(from, to, zone, unit, new MetricsParams.Violations());
                    CohortQuery.Matrix grouped = cohorts.fromOrders(scope, bounds);
                    assertEquals(cells(grouped, false), cells(cohorts.fromChain(scope, bounds, false, null), false),
                            zone + " " + unit + " from " + from);
                    assertEquals(cells(grouped, true), cells(cohorts.fromChain(scope, bounds, true, "INR"), true),
                            "revenue, " + zone + " " + unit + " from " + from);
                    // the test database holds orders in two currencies: the revenue view groups the orders then
                    CohortQuery.Matrix asked = cohorts.matrix(scope, bounds, true);
                    assertEquals(cells(grouped, true), cells(asked, true));
                    assertEquals(List.of(grouped.leastCurrency(), grouped.greatestCurrency()),
                            List.of(asked.leastCurrency(), asked.greatestCurrency()));
                }
            }
        }
    }

    /** Cohorts whose customers only ever ordered in one currency: the revenue view reads the read model too. */
    @Test
    void cohortRevenueInOneCurrencyIsTheSameFromEachOrdersPlaceInItsCustomersHistory() {
        String ch = channel();
        String early = customer();
        order(ch, early, "1991-01-10T00:00:00Z", "10");
        order(ch, early, "1991-02-10T00:00:00Z", "20");
        order(ch, early, "1991-02-11T00:00:00Z", "5");
        order(ch, customer(), "1991-02-20T00:00:00Z", "7");
        Scope scope = whole(Instant.parse("1991-01-01T00:00:00Z"), Instant.parse("1991-03-01T00:00:00Z"));
        List<Instant> bounds = Periods.buckets(scope.from(), scope.to(), ZoneOffset.UTC, Periods.Granularity.MONTH,
                new MetricsParams.Violations());
        CohortQuery.Matrix asked = cohorts.matrix(scope, bounds, true);
        // cohort 1 (January): one customer, 10 in January and 25 in February; cohort 2: one customer, 7
        assertEquals(List.of("1/1:1/10", "1/2:1/25", "2/2:1/7"), cells(asked, true));
        assertEquals(cells(cohorts.fromOrders(scope, bounds), true), cells(asked, true));
        assertEquals(List.of("INR", "INR"), List.of(asked.leastCurrency(), asked.greatestCurrency()));
    }

    private static List<String> cells(CohortQuery.Matrix matrix, boolean revenue) {
        List<String> cells = matrix.cells().stream().map(c -> c.cohort() + "/" + c.bucket() + ":" + c.customers()
                + (revenue ? "/" + c.net().stripTrailingZeros().toPlainString() : "")).sorted().toList();
        assertTrue(!cells.isEmpty());
        return cells;
    }

    @Test
    void rfmIsTheSameFromTheSummary() {
        for (String currency : Arrays.asList(null, "INR")) {
            for (Instant t : INSTANTS.subList(1, INSTANTS.size())) {
                rfmAgrees(inCurrency(null, t, currency), t);
            }
        }
    }

    private void rfmAgrees(Scope scope, Instant t) {
        RfmQueries.Summary fromOrders = rfm.summary(scope, CustomerHistory.grouped(scope, t));
        RfmQueries.Summary fromSummary = rfm.summary(scope, CustomerHistory.fromSummary(scope, t));
        assertEquals(fromOrders.segments().keySet(), fromSummary.segments().keySet(), "segments as of " + t);
        fromOrders.segments().forEach((segment, row) -> {
            RfmQueries.SegmentRow other = fromSummary.segments().get(segment);
            assertEquals(row.customers(), other.customers(), segment + " customers as of " + t);
            assertEquals(row.orders(), other.orders(), segment + " orders as of " + t);
            assertEquals(0, row.revenue().compareTo(other.revenue()), segment + " revenue as of " + t);
            assertTrue(Arrays.equals(row.scoreRanges(), other.scoreRanges()), segment + " scores as of " + t);
        });
        for (int i = 0; i < fromOrders.edges().length; i++) {
            assertEquals(0, fromOrders.edges()[i].compareTo(fromSummary.edges()[i]), "edge " + i + " as of " + t);
        }
        assertEquals(fromOrders.leastCurrency(), fromSummary.leastCurrency());
        assertEquals(fromOrders.greatestCurrency(), fromSummary.greatestCurrency());
    }

    @Test
    void theProgrammeComparisonIsTheSameFromTheSummary() {
        // a member who ordered before `from` and after it, and a non-member who did too; `from` after the join
        String programme = Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
        String member = Fixtures.member(programme);
        String other = customer();
        String ch = channel();
        order(ch, member, "2026-01-11T00:00:00Z", "11");
        order(ch, other, "2026-01-12T00:00:00Z", "12");
        Instant from = Instant.now();
        order(ch, member, from.plusMillis(1).toString(), "13");
        order(ch, other, from.plusMillis(2).toString(), "14");
        order(ch, other, from.plusMillis(3).toString(), "15");
        // points redeemed in the period by a member with a history before `from` and by one without (no segment)
        String newcomer = Fixtures.member(programme);
        MetricsFixtures.order(member, from.plusMillis(4), "30", ch);
        MetricsFixtures.order(newcomer, from.plusMillis(5), "40", ch);
        String reward = asAdmin().body(Map.of("programmeId", programme, "name", "five", "type", "DISCOUNT_AMOUNT",
                "cost", 5, "amount", 5)).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
        for (String who : List.of(member, newcomer, newcomer)) {
            asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("customerId", who, "rewardId", reward))
                    .post("/api/v1/redemptions").then().statusCode(201);
        }
        for (Instant to : List.of(from.plusMillis(2), from.plusSeconds(86_400))) {
            Scope scope = inCurrency(from, to, "INR");
            UUID id = UUID.fromString(programme);
            List<ProgrammeMetricsQueries.SegmentRow> grouped = programmes.segments(id, scope, false);
            assertEquals(new HashSet<>(grouped), new HashSet<>(programmes.segments(id, scope, true)), "to " + to);
            if (to.isAfter(from.plusMillis(2))) {
                // 5 points by the member, in their segment, and 10 by the newcomer, in none
                assertEquals(15, grouped.stream().mapToLong(ProgrammeMetricsQueries.SegmentRow::points).sum());
                assertTrue(grouped.stream().anyMatch(r -> r.segment() == null && r.customers() == 0 && r.points() == 10));
            }
        }
    }

    private long count(Sql rows) {
        return analytics.query(new Sql("SELECT count(*) FROM (").append(rows).append(") x"), rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }
}
