package io.loyalty.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/**
 * Purchase behaviour (METRICS.md, "Purchase behaviour in a period") in one statement: per customer in the period
 * (p) and per customer over their whole history before {@code to} (l, for the lifetime figures and the first order).
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
        Sql sql = new Sql("WITH p AS (SELECT customer_id, count(*) AS orders, sum(net) AS net FROM (")
                .append(OrderScope.countedOrders(scope, scope.from(), scope.to()))
                .append(") x GROUP BY customer_id), l AS (SELECT customer_id, count(*) AS orders, sum(net) AS net, "
                        + "min(placed_at) AS first, min(currency) AS lo, max(currency) AS hi FROM (")
                .append(OrderScope.countedOrders(scope, null, scope.to()))
                .append(") x GROUP BY customer_id)")
                .append("""
                         SELECT (SELECT count(*) FROM p),
                                (SELECT coalesce(sum(orders), 0) FROM p),
                                (SELECT sum(net) FROM p),
                                (SELECT count(*) FROM p WHERE orders >= 2),
                                (SELECT count(*) FROM p JOIN l USING (customer_id) WHERE l.first < ?),
                                (SELECT count(*) FROM l),
                                (SELECT count(*) FROM l WHERE orders >= 2),
                                (SELECT sum(net) FROM l),
                                (SELECT min(lo) FROM l),
                                (SELECT max(hi) FROM l)""", scope.from());
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
