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
        return count(scope, window, CustomerHistory.wholeBusiness(scope));
    }

    /** {@code summary}: whether "first order ever" is read from the customer summary (a scope without filters only). */
    Counts count(Scope scope, Period window, boolean summary) {
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
                .append(" ").append(summary ? new Sql("nm.customer_id IS NOT NULL") : noOrderBefore(scope, from))
                .append(" AS n FROM (SELECT customer_id, bit_or("
                        + "CASE WHEN placed_at <= ? THEN 1 ELSE 0 END | CASE WHEN placed_at > ? THEN 2 ELSE 0 END "
                        + "| CASE WHEN placed_at >= ? AND placed_at < ? THEN 4 ELSE 0 END "
                        + "| CASE WHEN placed_at < ? THEN 8 ELSE 0 END) AS f FROM (",
                        from, endWindow, from, to, from)
                .append(OrderScope.countedOrdersInWindow(scope, startWindow, to))
                .append(") o GROUP BY customer_id) g");
        if (summary) {
            // The customers whose first order ever is at or after `from`, hashed once: a probe per buyer on the summary's
            // key cost as much as one on the orders' (0.8 s for 184,000 buyers at 10M orders).
            sql.append(" LEFT JOIN (SELECT customer_id FROM metrics_customer WHERE first_at >= ?) nm "
                    + "ON nm.customer_id = g.customer_id", from);
        }
        sql.append(" OFFSET 0) c");
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
