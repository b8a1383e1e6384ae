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
 * <li>one with orders since, all in one currency: the row minus those orders; the last order before the instant
 * is the latest but one when only one order came since, else probed on the customer index;</li>
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
        return fromSummary(scope, t, new Sql("(SELECT o.customer_id, count(*) AS orders, sum(o.net) AS net FROM (")
                .append(OrderScope.countedOrders(scope, t, null)).append(") o GROUP BY o.customer_id)"));
    }

    /**
     * The same, given {@code since}: the scope's counted orders at or after t grouped per customer (customer_id,
     * orders, net), for a statement that groups them once for other figures too.
     */
    static Sql fromSummary(Scope scope, Instant t, Sql since) {
        String currency = scope.currency();
        Sql single = currency == null ? new Sql("m.cur_min = m.cur_max") : new Sql("m.cur_min = m.cur_max AND m.cur_min = ?", currency);
        Sql sql = new Sql("(SELECT m.customer_id, m.first_at, m.last_at, m.orders, m.net, m.cur_min, m.cur_max "
                + "FROM metrics_customer m WHERE m.last_at < ?", t);
        if (currency != null) {
            sql.append(" AND ").append(single);
        }
        // With one order since t (its last), the last before t is its latest but one; with more, it is probed.
        sql.append(" UNION ALL SELECT m.customer_id, m.first_at, CASE WHEN a.orders = 1 THEN m.before_last_at ELSE "
                + "(SELECT max(o.placed_at) FROM orders o "
                + "WHERE o.customer_id = m.customer_id AND o.status <> 'RETURNED' AND o.placed_at < ?) END, "
                + "m.orders - a.orders, m.net - a.net, m.cur_min, m.cur_max FROM ", t)
                .append(since)
                .append(" a JOIN metrics_customer m ON m.customer_id = a.customer_id "
                        + "WHERE m.first_at < ? AND ", t).append(single)
                .append(" UNION ALL SELECT m.customer_id, x.first_at, x.last_at, x.orders, x.net, x.cur_min, x.cur_max "
                        + "FROM metrics_customer m CROSS JOIN LATERAL (SELECT min(o.placed_at) AS first_at, "
                        + "max(o.placed_at) AS last_at, count(*) AS orders, sum(o.total - o.returned_amount) AS net, "
                        + "min(o.currency) AS cur_min, max(o.currency) AS cur_max FROM orders o WHERE o.customer_id = m.customer_id "
                        + "AND o.status <> 'RETURNED' AND o.placed_at < ?", t);
        if (currency != null) {
            sql.append(" AND o.currency = ?) x WHERE x.orders > 0 AND m.first_at < ? AND m.cur_min <> m.cur_max)", currency, t);
        } else {
            sql.append(") x WHERE m.last_at >= ? AND m.first_at < ? AND m.cur_min <> m.cur_max)", t, t);
        }
        return sql;
    }
}
