package io.loyalty.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cohort matrix (METRICS.md, "Cohort retention matrix") as (cohort bucket, activity bucket) pairs. Buckets are
 * numbered 1..n by {@code width_bucket} over bounds computed in Java in the request's zone, so the database never
 * interprets a zone name. Only customers whose first counted order ever is in [from, to) form cohorts, and only
 * their orders in [from, to) fill the cells.
 */
@ApplicationScoped
class CohortQuery {
    private final AnalyticsDatabase analytics;

    CohortQuery(AnalyticsDatabase analytics) {
        this.analytics = analytics;
    }

    /** Cohort bucket and activity bucket (1-based), the cohort's customers who ordered in it and their net revenue. */
    record Cell(int cohort, int bucket, long customers, BigDecimal net) {
    }

    record Matrix(List<Cell> cells, String leastCurrency, String greatestCurrency) {
    }

    /** {@code bounds}: the bucket bounds from {@code from} to {@code to}, as from {@link Periods#buckets}. */
    Matrix matrix(Scope scope, List<Instant> bounds) {
        String starts = bounds.subList(0, bounds.size() - 1).stream().map(Instant::toString)
                .collect(Collectors.joining(",", "{", "}"));
        // The cohort of each order's customer by a window over the customer's orders of the period, not by joining
        // two derived sets whose sizes the planner would have to guess.
        Sql sql = new Sql("""
                SELECT cohort, bucket, count(DISTINCT customer_id), sum(net), min(currency), max(currency)
                FROM (SELECT customer_id, net, currency, bucket, min(bucket) OVER (PARTITION BY customer_id) AS cohort
                      FROM (SELECT customer_id, net, currency, width_bucket(placed_at, ?::timestamptz[]) AS bucket FROM (""",
                starts)
                .append(OrderScope.countedOrders(scope, scope.from(), scope.to()))
                .append(") x) o) t WHERE NOT EXISTS (SELECT 1 FROM (")
                .append(OrderScope.countedOrders(scope, null, scope.from()))
                .append("""
                        ) b WHERE b.customer_id = t.customer_id)
                        GROUP BY cohort, bucket
                        ORDER BY cohort, bucket""");
        return analytics.query(sql, rs -> {
            List<Cell> cells = new ArrayList<>();
            String least = null;
            String greatest = null;
            while (rs.next()) {
                cells.add(new Cell(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getBigDecimal(4)));
                String lo = rs.getString(5).trim();
                String hi = rs.getString(6).trim();
                least = least == null || lo.compareTo(least) < 0 ? lo : least;
                greatest = greatest == null || hi.compareTo(greatest) > 0 ? hi : greatest;
            }
            return new Matrix(cells, least, greatest);
        });
    }
}
