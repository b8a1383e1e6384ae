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
        Sql sql = new Sql("WITH s AS (SELECT DISTINCT customer_id FROM (")
                .append(OrderScope.countedOrdersInWindow(scope, Periods.minus(from, window, scope.zone()), from))
                .append(") x), e AS (SELECT DISTINCT customer_id FROM (")
                .append(OrderScope.countedOrdersInWindow(scope, Periods.minus(to, window, scope.zone()), to))
                .append(") x), p AS (SELECT DISTINCT customer_id FROM (")
                .append(OrderScope.countedOrders(scope, from, to))
                .append(") x), n AS (SELECT p.customer_id FROM p WHERE NOT EXISTS (SELECT 1 FROM (")
                .append(OrderScope.countedOrders(scope, null, from))
                .append(") b WHERE b.customer_id = p.customer_id))")
                .append("""
                         SELECT (SELECT count(*) FROM s),
                                (SELECT count(*) FROM e),
                                (SELECT count(*) FROM n),
                                (SELECT count(*) FROM s JOIN e USING (customer_id)),
                                (SELECT count(*) FROM n JOIN e USING (customer_id)),
                                (SELECT count(*) FROM e WHERE NOT EXISTS (SELECT 1 FROM s WHERE s.customer_id = e.customer_id)
                                                          AND NOT EXISTS (SELECT 1 FROM n WHERE n.customer_id = e.customer_id)),
                                (SELECT count(*) FROM s JOIN p USING (customer_id))""");
        return analytics.query(sql, rs -> {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7));
        });
    }
}
