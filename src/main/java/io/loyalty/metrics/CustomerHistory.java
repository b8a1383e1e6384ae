package io.loyalty.metrics;

import java.time.Instant;

/**
 * Each customer's counted orders before an instant, summed up: the history RFM and the lifetime figures read.
 * Columns: {@code customer_id}, {@code first_at}, {@code last_at}, {@code orders}, {@code net}, {@code cur_min},
 * {@code cur_max} (the least and greatest currency), one row per customer with a counted order before the instant.
 * <p>
 * For a scope without filters it reads the read model {@code metrics_customer} (V19: every customer's counted orders,
 * kept exact by triggers in the transaction that writes an order or a return), so its cost grows with the orders
 * placed since the instant, not with the history before it:
 * <ol>
 * <li>a customer whose last order is before the instant: their summary row as it is;</li>
 * <li>one with orders since, all in one currency: read on their first order since the instant in
 * {@code metrics_order} (V20), which carries their previous order, rank and running net;</li>
 * <li>one with orders since in several currencies (whose currencies before the instant the row cannot tell): grouped
 * from their orders.</li>
 * </ol>
 * With a currency, only customers who ordered in several currencies are grouped from their orders. A scope filtered
 * by channel, partner or programme groups its own orders: the summary cannot tell them apart.
 */
final class CustomerHistory {
    private CustomerHistory() {
    }

    /** Whether the scope's history is read from the summary rather than grouped from its orders. */
    static boolean summarised(Scope scope) {
        return scope.channel() == null && scope.partnerId() == null && scope.programmeId() == null;
    }

    /** Whether the scope is the whole business (no filter at all), whose figures the summary rows give as they are. */
    static boolean wholeBusiness(Scope scope) {
        return summarised(scope) && scope.currency() == null;
    }

    /** The history before {@code t} as a parenthesised subquery. */
    static Sql before(Scope scope, Instant t) {
        return summarised(scope) ? fromSummary(scope, t) : grouped(scope, t);
    }

    /** Grouped from the scope's orders. */
    static Sql grouped(Scope scope, Instant t) {
        return new Sql("(SELECT o.customer_id, min(o.placed_at) AS first_at, max(o.placed_at) AS last_at, "
                + "count(*) AS orders, sum(o.net) AS net, min(o.currency) AS cur_min, max(o.currency) AS cur_max FROM (")
                .append(OrderScope.countedOrders(scope, null, t)).append(") o GROUP BY o.customer_id)");
    }

    /**
     * From the summary; for a scope without filters but the currency. With a currency, a customer whose orders are
     * all in it counts as above, one whose orders are all in another not at all, and one with orders in several is
     * grouped from their orders in it.
     */
    static Sql fromSummary(Scope scope, Instant t) {
        return fromSummary(scope, t, null);
    }

    /**
     * The history before `from` as {@link #fromSummary(Scope, Instant)}, with each customer's net revenue in
     * [from, to) and its least and greatest currency ({@code revenue}, {@code rev_min}, {@code rev_max}; null without
     * a counted order there). In one currency that is the running net through the last order before `to` (the
     * summary's net, or the running net before the first order at or after `to`) minus the one before `from`; in
     * several, grouped from the customer's orders.
     */
    static Sql withRevenue(Scope scope) {
        return fromSummary(scope, scope.from(), scope.to());
    }

    private static Sql fromSummary(Scope scope, Instant t, Instant to) {
        String currency = scope.currency();
        // One pass over the summary: a customer with orders since t is read on their first order since t
        // (metrics_order, V20), which carries their last order before it, their rank and their running net.
        Sql sql = new Sql("(SELECT m.customer_id, m.first_at, CASE WHEN m.last_at < ? THEN m.last_at ELSE f.prev_at END AS last_at, "
                + "CASE WHEN m.last_at < ? THEN m.orders ELSE f.seq - 1 END AS orders, "
                + "CASE WHEN m.last_at < ? THEN m.net ELSE f.cum_net - f.net END AS net, m.cur_min, m.cur_max", t, t, t);
        if (to != null) {
            sql.append(", CASE WHEN f.placed_at < ? THEN coalesce(u.cum_net - u.net, m.net) - (f.cum_net - f.net) END AS revenue, "
                    + "CASE WHEN f.placed_at < ? THEN m.cur_min END AS rev_min, "
                    + "CASE WHEN f.placed_at < ? THEN m.cur_max END AS rev_max", to, to, to);
        }
        sql.append(" FROM metrics_customer m LEFT JOIN metrics_order f ON f.customer_id = m.customer_id "
                + "AND f.placed_at >= ? AND f.prev_at < ?", t, t);
        if (to != null) {
            sql.append(" LEFT JOIN metrics_order u ON u.customer_id = m.customer_id AND u.placed_at >= ? AND u.prev_at < ?", to, to);
        }
        sql.append(" WHERE m.first_at < ? AND m.cur_min = m.cur_max", t);
        if (currency != null) {
            sql.append(" AND m.cur_min = ?", currency);
        }
        Sql inCurrency = currency == null ? new Sql("") : new Sql(" AND o.currency = ?", currency);
        sql.append(" UNION ALL SELECT m.customer_id, x.first_at, x.last_at, x.orders, x.net, x.cur_min, x.cur_max");
        if (to != null) {
            sql.append(", y.revenue, y.cur_min, y.cur_max");
        }
        sql.append(" FROM metrics_customer m CROSS JOIN LATERAL (SELECT min(o.placed_at) AS first_at, "
                + "max(o.placed_at) AS last_at, count(*) AS orders, sum(o.total - o.returned_amount) AS net, "
                + "min(o.currency) AS cur_min, max(o.currency) AS cur_max FROM orders o WHERE o.customer_id = m.customer_id "
                + "AND o.status <> 'RETURNED' AND o.placed_at < ?", t).append(inCurrency).append(") x");
        if (to != null) {
            sql.append(" CROSS JOIN LATERAL (SELECT sum(o.total - o.returned_amount) AS revenue, min(o.currency) AS cur_min, "
                    + "max(o.currency) AS cur_max FROM orders o WHERE o.customer_id = m.customer_id AND o.status <> 'RETURNED' "
                    + "AND o.placed_at >= ? AND o.placed_at < ?", t, to).append(inCurrency).append(") y");
        }
        return sql.append(" WHERE x.orders > 0 AND m.first_at < ? AND m.cur_min <> m.cur_max)", t);
    }
}
