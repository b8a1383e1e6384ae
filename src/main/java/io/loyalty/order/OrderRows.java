package io.loyalty.order;

import io.loyalty.common.DatabaseJsonFormat;
import io.loyalty.common.NativeSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Inserts recorded orders and their lines with plain JDBC, one array-valued statement per table, as the import does.
 * Through Hibernate the same rows cost a third of a batch writer's time (entity insert actions, a snapshot of each
 * order, dirty checks at every later flush), and nothing in the order's transaction reads them back as entities.
 */
final class OrderRows {
    private static final HexFormat HEX = HexFormat.of();

    private OrderRows() {
    }

    static void insert(Connection c, List<Order> orders, List<OrderLine> lines) throws SQLException {
        if (!orders.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO orders (id, api_key_id, external_id, customer_id, placed_at, currency, channel, partner_id,
                                        subtotal, discount, shipping, total, returned_amount, status, accrue, request_hash,
                                        accrual, gamification, created_at)
                    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[],
                                         ?::uuid[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[],
                                         ?::text[], ?::boolean[], ?::bytea[], ?::jsonb[], ?::jsonb[], ?::timestamptz[])""")) {
                int i = 0;
                s.setArray(++i, column(c, orders, o -> o.id));
                s.setArray(++i, column(c, orders, o -> o.apiKeyId));
                s.setArray(++i, column(c, orders, o -> o.externalId));
                s.setArray(++i, column(c, orders, o -> o.customerId));
                s.setArray(++i, column(c, orders, o -> o.placedAt));
                s.setArray(++i, column(c, orders, o -> o.currency));
                s.setArray(++i, column(c, orders, o -> o.channel));
                s.setArray(++i, column(c, orders, o -> o.partnerId));
                s.setArray(++i, column(c, orders, o -> o.subtotal.toPlainString()));
                s.setArray(++i, column(c, orders, o -> o.discount.toPlainString()));
                s.setArray(++i, column(c, orders, o -> o.shipping.toPlainString()));
                s.setArray(++i, column(c, orders, o -> o.total.toPlainString()));
                s.setArray(++i, column(c, orders, o -> o.returnedAmount.toPlainString()));
                s.setArray(++i, column(c, orders, o -> o.status.name()));
                s.setArray(++i, column(c, orders, o -> o.accrue));
                s.setArray(++i, column(c, orders, o -> "\\x" + HEX.formatHex(o.requestHash)));
                s.setArray(++i, column(c, orders, o -> DatabaseJsonFormat.json(o.accrual)));
                s.setArray(++i, column(c, orders, o -> DatabaseJsonFormat.json(o.gamification)));
                s.setArray(++i, column(c, orders, o -> o.createdAt));
                s.executeUpdate();
            }
        }
        if (!lines.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO order_line (order_id, line_no, sku, name, category, quantity, unit_price, returned_quantity)
                    SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::numeric[], ?::int[])""")) {
                int i = 0;
                s.setArray(++i, column(c, lines, l -> l.orderId));
                s.setArray(++i, column(c, lines, l -> l.lineNo));
                s.setArray(++i, column(c, lines, l -> l.sku));
                s.setArray(++i, column(c, lines, l -> l.name));
                s.setArray(++i, column(c, lines, l -> l.category));
                s.setArray(++i, column(c, lines, l -> l.quantity));
                s.setArray(++i, column(c, lines, l -> l.unitPrice.toPlainString()));
                s.setArray(++i, column(c, lines, l -> l.returnedQuantity));
                s.executeUpdate();
            }
        }
    }

    /**
     * One column as a text array, cast by the statement: PostgreSQL parses numbers, timestamps and UUIDs from text
     * exactly, and a text array carries nulls.
     */
    private static <T> java.sql.Array column(Connection c, List<T> rows, Function<T, Object> value) throws SQLException {
        return NativeSql.column(c, "text", rows, value.andThen(v -> v == null ? null : v.toString()));
    }
}
