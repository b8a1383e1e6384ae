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
        Instant from = scope.from();
        Instant to = scope.to();
        // One pass over the three windows' orders, grouped per customer: no join between derived sets, whose row
        // counts the planner cannot estimate (a nested loop over two of them is quadratic, e.g. right after a bulk
        // import, before ANALYZE). Newness is probed on the customer index, once per buyer of the period only.
        Sql sql = new Sql("""
                SELECT count(*) FILTER (WHERE s), count(*) FILTER (WHERE e), count(*) FILTER (WHERE n),
                       count(*) FILTER (WHERE s AND e), count(*) FILTER (WHERE n AND e),
                       count(*) FILTER (WHERE e AND NOT s AND NOT n), count(*) FILTER (WHERE s AND p)
                FROM (SELECT bool_or(k = 1) AS s, bool_or(k = 2) AS e, bool_or(k = 3) AS p,
                             CASE WHEN bool_or(k = 3) THEN NOT EXISTS (SELECT 1 FROM (""")
                .append(OrderScope.countedOrders(scope, null, from))
                .append(") b WHERE b.customer_id = t.customer_id) ELSE false END AS n FROM (SELECT customer_id, 1 AS k FROM (")
                .append(OrderScope.countedOrdersInWindow(scope, Periods.minus(from, window, scope.zone()), from))
                .append(") x UNION ALL SELECT customer_id, 2 FROM (")
                .append(OrderScope.countedOrdersInWindow(scope, Periods.minus(to, window, scope.zone()), to))
                .append(") x UNION ALL SELECT customer_id, 3 FROM (")
                .append(OrderScope.countedOrders(scope, from, to))
                .append(") x) t GROUP BY customer_id) c");
        return analytics.query(sql, rs -> {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7));
        });
    }
}
