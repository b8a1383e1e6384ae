package io.loyalty.metrics;

import java.time.Instant;

/**
 * The orders a metric counts, the one definition every metric builds on (METRICS.md, "Orders counted"): every
 * order not fully returned, at its net value (total minus what was returned, whenever it was returned), within
 * the scope's filters. A customer's first order is their first order among these.
 * <p>
 * Columns: {@code customer_id}, {@code placed_at}, {@code net}, {@code currency}. Filters:
 * <ul>
 * <li>{@code channel}, {@code currency}: the order's own;</li>
 * <li>{@code programmeId}: placed while the customer was a member (joined at or before it, not ended by then);</li>
 * <li>{@code partnerId}: attributed to the partner (placed with one of its PARTNER keys).</li>
 * </ul>
 * Time bounds are pushed into the fragment rather than applied outside it, so that PostgreSQL reads only the
 * orders of the period through the placed_at index even when the fragment is used several times in a query.
 */
public final class OrderScope {
    private OrderScope() {
    }

    /** Counted orders placed in [from, to); either bound may be null for "unbounded". */
    public static Sql countedOrders(Scope scope, Instant from, Instant to) {
        Sql sql = new Sql("SELECT o.customer_id, o.placed_at, o.total - o.returned_amount AS net, o.currency "
                + "FROM orders o WHERE o.status <> 'RETURNED'");
        if (from != null) {
            sql.append(" AND o.placed_at >= ?", from);
        }
        if (to != null) {
            sql.append(" AND o.placed_at < ?", to);
        }
        return filtered(sql, scope);
    }

    /**
     * Counted orders placed in (after, atOrBefore]: the window of "active at t" (METRICS.md), which includes an
     * order placed exactly at t and excludes one exactly W before it.
     */
    public static Sql countedOrdersInWindow(Scope scope, Instant after, Instant atOrBefore) {
        Sql sql = new Sql("SELECT o.customer_id, o.placed_at, o.total - o.returned_amount AS net, o.currency "
                + "FROM orders o WHERE o.status <> 'RETURNED' AND o.placed_at > ? AND o.placed_at <= ?", after, atOrBefore);
        return filtered(sql, scope);
    }

    private static Sql filtered(Sql sql, Scope scope) {
        if (scope.channel() != null) {
            sql.append(" AND o.channel = ?", scope.channel());
        }
        if (scope.currency() != null) {
            sql.append(" AND o.currency = ?", scope.currency());
        }
        if (scope.partnerId() != null) {
            sql.append(" AND o.partner_id = ?", scope.partnerId());
        }
        if (scope.programmeId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM membership m WHERE m.programme_id = ? AND m.customer_id = o.customer_id"
                    + " AND m.joined_at <= o.placed_at AND (m.ended_at IS NULL OR m.ended_at > o.placed_at))",
                    scope.programmeId());
        }
        return sql;
    }
}
