package io.loyalty.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Purchase behaviour (METRICS.md, "Purchase behaviour in a period") in one statement: for the whole business from
 * the period's orders and the customer summary ({@link CustomerHistory}), for a filtered scope over each customer's
 * counted orders before {@code to}.
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
        return CustomerHistory.wholeBusiness(scope) ? fromSummary(scope) : fromOrders(scope);
    }

    /** A filtered scope: one scan of each customer's history before `to`, the period's part picked out with FILTER. */
    Figures fromOrders(Scope scope) {
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
        return analytics.query(sql, PurchaseQuery::figures);
    }

    /**
     * The whole business, read from the summary rows rather than grouped from the period's orders. A customer whose
     * orders are all before `to` bought in the period when their last order is in it, and bought twice when their
     * latest but one is in it too; the few with orders since `to` (none when `to` is now) are looked up on the
     * customer index. Every customer whose first order is in the period bought in it, so returning = buyers - first
     * orders in the period. Lifetime: customers with a first, and a second, order before `to`; revenue before `to`
     * is all of it less the orders since. Only the period's order count and revenue read the orders, without grouping.
     */
    Figures fromSummary(Scope scope) {
        Instant from = scope.from();
        Instant to = scope.to();
        Sql sql = new Sql("SELECT b.buyers + l.buyers, o.orders, o.net, b.repeat + l.repeat, b.buyers + l.buyers - b.first_orders, "
                + "b.customers, b.repeat_customers, b.net - coalesce(later.net, 0), b.cur_min, b.cur_max "
                + "FROM (SELECT count(*) FILTER (WHERE last_at >= ? AND last_at < ?) AS buyers, "
                + "count(*) FILTER (WHERE last_at < ? AND before_last_at >= ?) AS repeat, "
                + "count(*) FILTER (WHERE first_at >= ? AND first_at < ?) AS first_orders, "
                + "count(*) FILTER (WHERE first_at < ?) AS customers, count(*) FILTER (WHERE second_at < ?) AS repeat_customers, "
                + "sum(net) AS net, min(cur_min) FILTER (WHERE first_at < ?) AS cur_min, "
                + "max(cur_max) FILTER (WHERE first_at < ?) AS cur_max FROM metrics_customer) b, "
                + "(SELECT count(*) AS orders, sum(o.net) AS net FROM (", from, to, to, from, from, to, to, to, to, to)
                .append(OrderScope.countedOrders(scope, from, to))
                .append(") o) o, (SELECT count(*) FILTER (WHERE x.n >= 1) AS buyers, count(*) FILTER (WHERE x.n >= 2) AS repeat "
                        + "FROM (SELECT DISTINCT o.customer_id FROM (")
                .append(OrderScope.countedOrders(scope, to, null))
                .append(") o) a CROSS JOIN LATERAL (SELECT count(*) AS n FROM (SELECT 1 FROM orders p WHERE p.customer_id = a.customer_id "
                        + "AND p.status <> 'RETURNED' AND p.placed_at >= ? AND p.placed_at < ? LIMIT 2) y) x) l, "
                        + "(SELECT sum(o.net) AS net FROM (", from, to)
                .append(OrderScope.countedOrders(scope, to, null))
                .append(") o) later");
        Figures figures = analytics.query(sql, PurchaseQuery::figures);
        if (figures.leastCurrency() == null || figures.leastCurrency().equals(figures.greatestCurrency())) {
            return figures;
        }
        // The summary's currencies are of all a customer's orders, later ones too: only when they differ is the set
        // of the orders before `to` itself read.
        Sql currencies = new Sql("SELECT min(o.currency), max(o.currency) FROM (")
                .append(OrderScope.countedOrders(scope, null, scope.to())).append(") o");
        String[] exact = analytics.query(currencies, rs -> {
            rs.next();
            return new String[] {trim(rs.getString(1)), trim(rs.getString(2))};
        });
        return new Figures(figures.buyers(), figures.orders(), figures.netRevenue(), figures.repeatBuyers(),
                figures.returningBuyers(), figures.customers(), figures.repeatCustomers(), figures.lifetimeRevenue(),
                exact[0], exact[1]);
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        rs.next();
        return new Figures(rs.getLong(1), rs.getLong(2), Money.sum(rs.getBigDecimal(3)), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), Money.sum(rs.getBigDecimal(8)), trim(rs.getString(9)), trim(rs.getString(10)));
    }

    /** currency is char(3), read back without padding concerns but kept tidy. */
    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
