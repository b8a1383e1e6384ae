package io.loyalty.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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
    private final ManagedExecutor executor;

    CohortQuery(AnalyticsDatabase analytics, ManagedExecutor executor) {
        this.analytics = analytics;
        this.executor = executor;
    }

    /** Cohort bucket and activity bucket (1-based), the cohort's customers who ordered in it and their net revenue. */
    record Cell(int cohort, int bucket, long customers, BigDecimal net) {
    }

    record Matrix(List<Cell> cells, String leastCurrency, String greatestCurrency) {
    }

    /**
     * {@code bounds}: the bucket bounds from {@code from} to {@code to}, as from {@link Periods#buckets};
     * {@code revenue}: whether the cells' revenue is needed (else their {@code net} is null).
     */
    Matrix matrix(Scope scope, List<Instant> bounds, boolean revenue) {
        if (!CustomerHistory.wholeBusiness(scope)) {
            return fromOrders(scope, bounds);
        }
        if (!revenue) {
            return fromChain(scope, bounds, false, null);
        }
        // Revenue is never added across currencies. When every order ever of the cohorts' customers is in one
        // currency (their summary rows say so), so are their orders of the period; otherwise the orders are grouped,
        // which tells exactly which currencies the period's orders are in.
        String[] currencies = analytics.query(new Sql("SELECT min(cur_min), max(cur_max) FROM metrics_customer "
                + "WHERE first_at >= ? AND first_at < ?", scope.from(), scope.to()), rs -> {
            rs.next();
            return new String[]{rs.getString(1), rs.getString(2)};
        });
        return Objects.equals(currencies[0], currencies[1]) ? fromChain(scope, bounds, true, currencies[0])
                : fromOrders(scope, bounds);
    }

    /**
     * For the whole business, from each order's place in its customer's history ({@code metrics_order}, V20): a
     * customer ordered in bucket k when one of their orders there has no previous order since the bucket began, and
     * their cohort is the bucket of their first order. One index range per bucket, never grouped per customer; with
     * {@code revenue}, every row of the range is read for its net (in {@code currency}, the only one).
     */
    Matrix fromChain(Scope scope, List<Instant> bounds, boolean revenue, String currency) {
        // Alternate buckets in two statements on two analytics connections, so that both cores scan (1.1 s in one
        // statement at 10M orders over 24 months); alternate, because later buckets hold more orders.
        CompletableFuture<List<Cell>> odd = executor.supplyAsync(() -> fromChain(scope, bounds, revenue, 1));
        List<Cell> cells;
        try {
            cells = new ArrayList<>(fromChain(scope, bounds, revenue, 2));
        } catch (RuntimeException e) {
            odd.cancel(true);
            throw e;
        }
        cells.addAll(Futures.joined(odd));
        String trimmed = currency == null ? null : currency.trim();
        return new Matrix(cells, trimmed, trimmed);
    }

    /** The cells of buckets first, first + 2, ... */
    private List<Cell> fromChain(Scope scope, List<Instant> bounds, boolean revenue, int first) {
        if (first >= bounds.size()) {
            return List.of();
        }
        Sql sql = new Sql("");
        for (int k = first; k < bounds.size(); k += 2) {
            Instant start = bounds.get(k - 1);
            sql.append(k > first ? " UNION ALL " : "")
                    .append("SELECT width_bucket(first_at, (SELECT CAST(? AS timestamptz[]))) AS cohort, " + k + " AS bucket, ",
                            starts(bounds));
            if (revenue) {
                sql.append("count(*) FILTER (WHERE prev_at IS NULL OR prev_at < ?), sum(net) FROM metrics_order "
                        + "WHERE placed_at >= ? AND placed_at < ? AND first_at >= ? GROUP BY 1", start, start, bounds.get(k),
                        scope.from());
            } else {
                sql.append("count(*), NULL::numeric FROM metrics_order WHERE placed_at >= ? AND placed_at < ? "
                        + "AND first_at >= ? AND (prev_at IS NULL OR prev_at < ?) GROUP BY 1", start, bounds.get(k),
                        scope.from(), start);
            }
        }
        return analytics.query(sql, rs -> {
            List<Cell> cells = new ArrayList<>();
            while (rs.next()) {
                cells.add(new Cell(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getBigDecimal(4)));
            }
            return cells;
        });
    }

    private static String starts(List<Instant> bounds) {
        return bounds.subList(0, bounds.size() - 1).stream().map(Instant::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** From the scope's counted orders, grouped per customer and bucket: any filter, and revenue. */
    Matrix fromOrders(Scope scope, List<Instant> bounds) {
        String starts = starts(bounds);
        // Orders are first reduced to one row per customer and bucket (what the matrix counts), and the cohort is a
        // window over those rows: no join of two derived sets whose sizes the planner would have to guess, and no
        // count(DISTINCT) sorting every order of the period (11x slower at 10M orders, src/bench/README.md).
        // The bounds arrive as text: cast in a sub-select, they are parsed once (an InitPlan), not once per order, as a
        // cast of a parameter is (text to timestamptz[] depends on the session's zone, so it is never folded: 98 s
        // instead of 11 s at 10M orders).
        Sql sql = new Sql("""
                SELECT cohort, bucket, count(*), sum(net), min(cur_lo), max(cur_hi)
                FROM (SELECT customer_id, bucket, net, cur_lo, cur_hi, min(bucket) OVER (PARTITION BY customer_id) AS cohort
                      FROM (SELECT customer_id, width_bucket(placed_at, (SELECT CAST(? AS timestamptz[]))) AS bucket, sum(net) AS net,
                                   min(currency) AS cur_lo, max(currency) AS cur_hi
                            FROM (""",
                starts)
                .append(OrderScope.countedOrders(scope, scope.from(), scope.to()))
                .append(") x GROUP BY customer_id, bucket) cb) t WHERE NOT EXISTS (SELECT 1 FROM (")
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
