package io.loyalty.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/**
 * Purchase behaviour (METRICS.md, "Purchase behaviour in a period") in one statement over each customer's counted
 * orders before {@code to}: the lifetime figures and the first order from all of them, the period's from those at or
 * after {@code from}.
 */
@ApplicationScoped
class PurchaseQuery {
    private final AnalyticsDatabase analytics;

    PurchaseQuery(AnalyticsDatabase analytics) {
        this.analytics = analytics;
    }

    record Figures(long buyers, long orders, BigDecimal netRevenue, long repeatBuyers, long returningBuyers,
                   long customers, long repeatCustomers, BigDecimal lifetimeRevenue, String leastCurrency,
                   String greatestCurrency) {
    }

    Figures figures(Scope scope) {
        // One scan of each customer's history before `to`, grouped per customer, the period's part picked out with
        // FILTER: no join between derived sets whose sizes the planner would have to guess.
        Sql sql = new Sql("""
                SELECT count(*) FILTER (WHERE orders_in > 0), coalesce(sum(orders_in), 0), sum(net_in),
                       count(*) FILTER (WHERE orders_in >= 2), count(*) FILTER (WHERE orders_in > 0 AND first < ?),
                       count(*), count(*) FILTER (WHERE orders >= 2), sum(net), min(lo), max(hi)
                FROM (SELECT count(*) AS orders, sum(net) AS net, min(placed_at) AS first,
                             count(*) FILTER (WHERE placed_at >= ?) AS orders_in, sum(net) FILTER (WHERE placed_at >= ?) AS net_in,
                             min(currency) AS lo, max(currency) AS hi
                      FROM (""", scope.from(), scope.from(), scope.from())
                .append(OrderScope.countedOrders(scope, null, scope.to()))
                .append(") x GROUP BY customer_id) c");
        return analytics.query(sql, rs -> {
            rs.next();
            return new Figures(rs.getLong(1), rs.getLong(2), Money.sum(rs.getBigDecimal(3)), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), Money.sum(rs.getBigDecimal(8)), trim(rs.getString(9)), trim(rs.getString(10)));
        });
    }

    /** currency is char(3), read back without padding concerns but kept tidy. */
    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
