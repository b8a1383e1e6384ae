package io.loyalty.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.Period;

/**
 * The sets of METRICS.md "Activity, retention and churn" for one period, counted in one statement:
 * S (active at {@code from}), E (active at {@code to}), N (first counted order in [from, to)), P (buyers in
 * [from, to)). "Active at t" is "has a counted order in (t - W, t]": the last order at or before t is in the window
 * exactly when some order is.
 */
@ApplicationScoped
class RetentionQuery {
    private final AnalyticsDatabase analytics;

    RetentionQuery(AnalyticsDatabase analytics) {
        this.analytics = analytics;
    }

    /** |S|, |E|, |N|, |S ∩ E|, |N ∩ E|, |E \ (S ∪ N)|, |S ∩ P|. */
    record Counts(long activeAtStart, long activeAtEnd, long newCustomers, long retained, long newAndActiveAtEnd,
                  long reactivated, long repeatBuyers) {
    }

    Counts count(Scope scope, Period window) {
        return CustomerHistory.wholeBusiness(scope) ? fromChain(scope, window) : fromOrders(scope, window);
    }

    /**
     * For the whole business, from each counted order's place in its customer's history ({@code metrics_order}, V20):
     * filters on the rows of (from - W, to], no grouping. With a = from - W and b = to - W, the customers with an
     * order in a range (x, y] are the rows there whose previous order is at or before x (one per customer):
     * <ul>
     * <li>S: such rows of (a, from]; E: of (b, to] (call them e); N: rows of [from, to) without a previous order.</li>
     * <li>S ∩ E: an e at or before `from` (the windows overlap), or whose previous order is in (a, from], the
     * customer's last order at or before `from`. An e whose previous order is between `from` and b (a customer with
     * an order in the gap between the windows) is counted from the other end: customers whose first order after
     * `from` is in the gap and follows one in (a, from] (so their last at or before `from`), with an order in (b, to]
     * (an index-only probe on the customer's rows).</li>
     * <li>S ∩ P: the customer's first order in [from, to) is at `from` or follows one in (a, from].</li>
     * <li>N ∩ E: e with the customer's first order in [from, to); S ∩ N ∩ E: first order exactly at `from`.</li>
     * </ul>
     */
    Counts fromChain(Scope scope, Period window) {
        Instant from = scope.from();
        Instant to = scope.to();
        Instant a = Periods.minus(from, window, scope.zone());
        Instant b = Periods.minus(to, window, scope.zone());
        Sql sql = new Sql("SELECT count(*) FILTER (WHERE placed_at <= ? AND (prev_at IS NULL OR prev_at <= ?)), "
                + "count(*) FILTER (WHERE e), "
                + "count(*) FILTER (WHERE placed_at >= ? AND placed_at < ? AND prev_at IS NULL), "
                + "count(*) FILTER (WHERE e AND (placed_at <= ? OR prev_at > ? AND prev_at <= ?)), "
                + "count(*) FILTER (WHERE e AND first_at >= ? AND first_at < ?), "
                + "count(*) FILTER (WHERE e AND first_at = ?), "
                + "count(*) FILTER (WHERE placed_at >= ? AND placed_at < ? AND (prev_at IS NULL OR prev_at < ?) "
                + "AND (placed_at = ? OR prev_at > ?)), ",
                from, a, from, to, from, a, from, from, to, from, from, to, from, from, a);
        if (b.isAfter(from)) {
            sql.append("(SELECT count(*) FROM metrics_order g WHERE g.placed_at > ? AND g.placed_at <= ? "
                    + "AND g.prev_at > ? AND g.prev_at <= ? AND EXISTS (SELECT 1 FROM metrics_order e "
                    + "WHERE e.customer_id = g.customer_id AND e.placed_at > ? AND e.placed_at <= ?)) ", from, b, a, from, b, to);
        } else {
            sql.append("0 ");
        }
        sql.append("FROM (SELECT placed_at, prev_at, first_at, placed_at > ? AND (prev_at IS NULL OR prev_at <= ?) AS e "
                + "FROM metrics_order WHERE placed_at > ? AND placed_at <= ?) x", b, b, a, to);
        return analytics.query(sql, rs -> {
            rs.next();
            long retained = rs.getLong(4) + rs.getLong(8);
            long activeAtEnd = rs.getLong(2);
            long newAndActiveAtEnd = rs.getLong(5);
            return new Counts(rs.getLong(1), activeAtEnd, rs.getLong(3), retained, newAndActiveAtEnd,
                    activeAtEnd - retained - newAndActiveAtEnd + rs.getLong(6), rs.getLong(7));
        });
    }

    /** From the scope's counted orders, grouped per customer: any filter. */
    Counts fromOrders(Scope scope, Period window) {
        Instant from = scope.from();
        Instant to = scope.to();
        Instant startWindow = Periods.minus(from, window, scope.zone());
        Instant endWindow = Periods.minus(to, window, scope.zone());
        // One range scan over (from - W, to], which is exactly the union of the three windows (S's (from - W, from],
        // P's [from, to) and E's (to - W, to]), grouped per customer into one bit mask (one aggregate, not one per
        // window): 1 active at `from`, 2 active at `to`, 4 bought in the period, 8 an order before `from`. No join
        // between derived sets, whose sizes the planner cannot estimate, but for newness (below), asked only of buyers
        // with no earlier order in the scan; OFFSET 0 keeps it computed once, not once per FILTER.
        Sql sql = new Sql("""
                SELECT count(*) FILTER (WHERE s), count(*) FILTER (WHERE e), count(*) FILTER (WHERE n),
                       count(*) FILTER (WHERE s AND e), count(*) FILTER (WHERE n AND e),
                       count(*) FILTER (WHERE e AND NOT s AND NOT n), count(*) FILTER (WHERE s AND p)
                FROM (SELECT f & 1 <> 0 AS s, f & 2 <> 0 AS e, f & 4 <> 0 AS p, f & 12 = 4 AND""")
                .append(" ").append(noOrderBefore(scope, from))
                .append(" AS n FROM (SELECT customer_id, bit_or("
                        + "CASE WHEN placed_at <= ? THEN 1 ELSE 0 END | CASE WHEN placed_at > ? THEN 2 ELSE 0 END "
                        + "| CASE WHEN placed_at >= ? AND placed_at < ? THEN 4 ELSE 0 END "
                        + "| CASE WHEN placed_at < ? THEN 8 ELSE 0 END) AS f FROM (",
                        from, endWindow, from, to, from)
                .append(OrderScope.countedOrdersInWindow(scope, startWindow, to))
                .append(") o GROUP BY customer_id) g OFFSET 0) c");
        return analytics.query(sql, rs -> {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7));
        });
    }

    /** "g.customer_id has no counted order before t", probed on the customer index. */
    private static Sql noOrderBefore(Scope scope, Instant t) {
        return new Sql("NOT EXISTS (SELECT 1 FROM (").append(OrderScope.countedOrders(scope, null, t))
                .append(") b WHERE b.customer_id = g.customer_id)");
    }
}
