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
        Instant startWindow = Periods.minus(from, window, scope.zone());
        Instant endWindow = Periods.minus(to, window, scope.zone());
        // One range scan over (from - W, to], which is exactly the union of the three windows (S's (from - W, from],
        // P's [from, to) and E's (to - W, to]), grouped per customer with a flag per window; no join between derived
        // sets, whose sizes the planner cannot estimate. Newness is probed on the customer index only for buyers of
        // the period whose earliest order in the scan is not before `from`: an earlier one already rules it out.
        Sql sql = new Sql("""
                SELECT count(*) FILTER (WHERE s), count(*) FILTER (WHERE e), count(*) FILTER (WHERE n),
                       count(*) FILTER (WHERE s AND e), count(*) FILTER (WHERE n AND e),
                       count(*) FILTER (WHERE e AND NOT s AND NOT n), count(*) FILTER (WHERE s AND p)
                FROM (SELECT s, e, p, p AND first >= ? AND NOT EXISTS (SELECT 1 FROM (""", from)
                .append(OrderScope.countedOrders(scope, null, from))
                .append(") b WHERE b.customer_id = g.customer_id) AS n FROM (SELECT customer_id, "
                        + "bool_or(placed_at <= ?) AS s, bool_or(placed_at > ?) AS e, "
                        + "bool_or(placed_at >= ? AND placed_at < ?) AS p, min(placed_at) AS first FROM (",
                        from, endWindow, from, to)
                .append(OrderScope.countedOrdersInWindow(scope, startWindow, to))
                .append(") o GROUP BY customer_id) g) c");
        return analytics.query(sql, rs -> {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7));
        });
    }
}
