package io.loyalty.metrics;

import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.metrics.OrderMetricsFixtures.channel;
import static io.loyalty.metrics.OrderMetricsFixtures.customer;
import static io.loyalty.metrics.OrderMetricsFixtures.giveBack;
import static io.loyalty.metrics.OrderMetricsFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The read model {@code metrics_customer} (V19) against its definition: per customer, the counted orders summed up,
 * whatever wrote them and in whatever order. Each figure is checked against the orders themselves, grouped by plain
 * SQL in the test.
 */
@QuarkusTest
class CustomerSummaryTest {
    /** The same columns grouped from the orders: the second computation. */
    private static final String FROM_ORDERS = "SELECT customer_id, min(placed_at), (array_agg(placed_at ORDER BY placed_at))[2], "
            + "max(placed_at), (array_agg(placed_at ORDER BY placed_at DESC))[2], count(*), sum(total - returned_amount), "
            + "min(currency), max(currency) FROM orders WHERE status <> 'RETURNED' GROUP BY customer_id";
    private static final String FROM_SUMMARY = "SELECT customer_id, first_at, second_at, last_at, before_last_at, orders, net, "
            + "cur_min, cur_max FROM metrics_customer";

    /**
     * Each counted order's place in its customer's history (V20's metrics_order), by correlated subqueries over the
     * orders, ranked by (placed_at, id): a second computation, not the window functions of the migration.
     */
    private static final String CHAIN_FROM_ORDERS = "SELECT o.customer_id, o.placed_at, o.id, "
            + "(SELECT max(p.placed_at) FROM orders p WHERE p.customer_id = o.customer_id AND p.status <> 'RETURNED' "
            + "AND (p.placed_at, p.id) < (o.placed_at, o.id)), "
            + "(SELECT min(p.placed_at) FROM orders p WHERE p.customer_id = o.customer_id AND p.status <> 'RETURNED'), "
            + "(SELECT count(*) FROM orders p WHERE p.customer_id = o.customer_id AND p.status <> 'RETURNED' "
            + "AND (p.placed_at, p.id) <= (o.placed_at, o.id)), o.total - o.returned_amount, "
            + "(SELECT sum(p.total - p.returned_amount) FROM orders p WHERE p.customer_id = o.customer_id "
            + "AND p.status <> 'RETURNED' AND (p.placed_at, p.id) <= (o.placed_at, o.id)) "
            + "FROM orders o WHERE o.status <> 'RETURNED'";
    private static final String CHAIN = "SELECT customer_id, placed_at, order_id, prev_at, first_at, seq, net, cum_net "
            + "FROM metrics_order";

    @Inject
    AnalyticsDatabase analytics;

    record Row(Instant first, Instant second, Instant last, Instant beforeLast, long orders, BigDecimal net) {
    }

    private Row row(String customerId) {
        return analytics.query(new Sql("SELECT first_at, second_at, last_at, before_last_at, orders, net FROM metrics_customer "
                + "WHERE customer_id = ?", UUID.fromString(customerId)), rs -> rs.next()
                ? new Row(instant(rs, 1), instant(rs, 2), instant(rs, 3), instant(rs, 4), rs.getLong(5),
                rs.getBigDecimal(6).stripTrailingZeros())
                : null);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Row expect(String first, String second, String last, String beforeLast, long orders, String net) {
        return new Row(Instant.parse(first), second == null ? null : Instant.parse(second), Instant.parse(last),
                beforeLast == null ? null : Instant.parse(beforeLast), orders, new BigDecimal(net).stripTrailingZeros());
    }

    @Test
    void theSummaryFollowsOrdersInAnyOrderAndEveryReturn() {
        String ch = channel();
        String c = customer();
        String t1 = "2026-01-01T10:00:00Z";
        String t2 = "2026-02-02T10:00:00Z";
        String t3 = "2026-03-03T10:00:00Z";
        String latest = order(ch, c, t3, "100");
        assertEquals(expect(t3, null, t3, null, 1, "100"), row(c));
        assertChainAgrees(c);
        // placed earlier but posted later: it becomes the first, the old first the second (and the latest but one)
        String earliest = order(ch, c, t1, "10");
        assertEquals(expect(t1, t3, t3, t1, 2, "110"), row(c));
        assertChainAgrees(c);
        // a second order at the same instant: first and second are that instant; t2, later, becomes the latest but one
        order(ch, c, t1, "20");
        assertEquals(expect(t1, t1, t3, t1, 3, "130"), row(c));
        assertChainAgrees(c);
        order(ch, c, t2, "50");
        assertEquals(expect(t1, t1, t3, t2, 4, "180"), row(c));
        assertChainAgrees(c);
        // a full return of one of the two first orders: the other stays first, t2 becomes second
        giveBack(earliest, "10");
        assertEquals(expect(t1, t2, t3, t2, 3, "170"), row(c));
        assertChainAgrees(c);
        // a partial return lowers the revenue only
        giveBack(latest, "30");
        assertEquals(expect(t1, t2, t3, t2, 3, "140"), row(c));
        assertChainAgrees(c);
        // returning the rest of the latest order: it no longer counts, t2 is the last
        giveBack(latest, "70");
        assertEquals(expect(t1, t2, t2, t1, 2, "70"), row(c));
        assertChainAgrees(c);
    }

    @Test
    void aCustomerWithoutCountedOrdersHasNoRow() {
        String ch = channel();
        String c = customer();
        assertNull(row(c));
        String only = order(ch, c, "2026-04-04T00:00:00Z", "40");
        giveBack(only, "40");
        assertNull(row(c));
    }

    @Test
    void concurrentOrdersAndReturnsOfTheSameCustomersKeepTheSummaryEqualToTheOrders() throws Exception {
        String ch = channel();
        List<String> customers = List.of(customer(), customer(), customer());
        List<String> returnable = new ArrayList<>();
        for (String c : customers) {
            for (int i = 0; i < 4; i++) {
                returnable.add(order(ch, c, "2026-05-0" + (i + 1) + "T12:00:00Z", "25"));
            }
        }
        AtomicInteger next = new AtomicInteger();
        TestSupport.parallel(36, () -> {
            int i = next.getAndIncrement();
            if (i < returnable.size()) {
                // full returns of half the orders, partial of the others, while new orders arrive
                giveBack(returnable.get(i), i % 2 == 0 ? "25" : "5");
            } else {
                order(ch, customers.get(i % 3), "2026-0" + (1 + i % 9) + "-1" + (i % 10) + "T08:00:00Z", "7.5");
            }
            return i;
        });
        for (String c : customers) {
            UUID id = UUID.fromString(c);
            assertEquals(rows(FROM_ORDERS, id), rows(FROM_SUMMARY, id), "summary of " + c);
            assertChainAgrees(c);
        }
    }

    @Test
    void aBulkImportWritesManyOrdersOfACustomerInOneStatementAndTheSummaryFollows() throws Exception {
        String run = TestSupport.unique("sum");
        String ch = channel();
        // two customers, several orders each, out of time order, two at the same instant, and one before the existing order
        String c = customer();
        order(ch, c, "2026-07-07T00:00:00Z", "70");
        String cExternal = asAdmin().get("/api/v1/customers/" + c).path("externalId");
        String csv = "externalId,customerExternalId,placedAt,currency,total,channel\n"
                + run + "-1," + cExternal + ",2026-07-09,INR,9.00," + ch + "\n"
                + run + "-2," + cExternal + ",2026-07-01,INR,1.00," + ch + "\n"
                + run + "-3," + cExternal + ",2026-07-09,INR,9.50," + ch + "\n"
                + run + "-4," + run + "-new,2026-07-03,INR,3.00," + ch + "\n"
                + run + "-5," + run + "-new,2026-07-02,INR,2.00," + ch + "\n";
        assertEquals("COMPLETED", MetricsFixtures.importCsv(csv).path("status"));
        assertEquals(expect("2026-07-01T00:00:00Z", "2026-07-07T00:00:00Z", "2026-07-09T00:00:00Z", "2026-07-09T00:00:00Z", 4,
                "89.5"), row(c));
        String newcomer = asAdmin().queryParam("externalId", run + "-new").get("/api/v1/customers")
                .path("items[0].id");
        assertEquals(expect("2026-07-02T00:00:00Z", "2026-07-03T00:00:00Z", "2026-07-03T00:00:00Z", "2026-07-02T00:00:00Z", 2,
                "5"), row(newcomer));
        assertChainAgrees(c);
        assertChainAgrees(newcomer);
        // the import's 2026-07-01 order came before the posted one: that one is second now, with 71.00 through it
        assertEquals("2026-07-01T00:00:00Z|2026-07-01T00:00:00Z|2|71", chainRow(c, "2026-07-07T00:00:00Z"));
    }

    @Test
    void theWholeSummaryEqualsTheOrdersGroupedByCustomer() {
        // Whatever the other tests wrote (posted orders, batches, imports, returns), the two agree row for row.
        order(channel(), customer(), "2026-06-06T06:06:06Z", "66.66");
        long missing = count("(" + FROM_ORDERS + ") EXCEPT (" + FROM_SUMMARY + ")");
        long extra = count("(" + FROM_SUMMARY + ") EXCEPT (" + FROM_ORDERS + ")");
        assertEquals(0, missing, "customers whose summary is missing or differs");
        assertEquals(0, extra, "summary rows the orders do not give");
        assertEquals(0, count("(" + CHAIN_FROM_ORDERS + ") EXCEPT (" + CHAIN + ")"), "orders whose place is missing or differs");
        assertEquals(0, count("(" + CHAIN + ") EXCEPT (" + CHAIN_FROM_ORDERS + ")"), "places of orders not counted");
    }

    private void assertChainAgrees(String customerId) {
        UUID id = UUID.fromString(customerId);
        List<String> expected = new ArrayList<>(rows(CHAIN_FROM_ORDERS, id));
        List<String> actual = new ArrayList<>(rows(CHAIN, id));
        Collections.sort(expected);
        Collections.sort(actual);
        assertEquals(expected, actual, "history of " + customerId);
    }

    /** prev_at|first_at|seq|cum_net of the customer's order placed at {@code at}. */
    private String chainRow(String customerId, String at) {
        return analytics.query(new Sql("SELECT prev_at, first_at, seq, cum_net FROM metrics_order WHERE customer_id = ? "
                + "AND placed_at = ?", UUID.fromString(customerId), Instant.parse(at)), rs -> {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant() + "|"
                    + rs.getObject(2, OffsetDateTime.class).toInstant() + "|" + rs.getLong(3)
                    + "|" + rs.getBigDecimal(4).stripTrailingZeros().toPlainString();
        });
    }

    private long count(String sql) {
        return analytics.query(new Sql("SELECT count(*) FROM (" + sql + ") x"), rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    private List<String> rows(String sql, UUID customer) {
        return analytics.query(new Sql("SELECT * FROM (" + sql + ") x WHERE x.customer_id = ?", customer), rs -> {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                StringBuilder r = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    r.append(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v)).append('|');
                }
                out.add(r.toString());
            }
            return out;
        });
    }
}
