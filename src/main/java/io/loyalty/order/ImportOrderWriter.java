package io.loyalty.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.Ids;
import io.loyalty.common.NativeSql;
import io.loyalty.common.RequestHash;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a batch of checked orders that do not earn as one transaction of a few array-valued statements
 * (customers, their ids, orders, lines) instead of a few statements per order, together with the job's
 * progress. An externalId already taken, by an earlier import or the API, is skipped: as a duplicate if the
 * order is the same, else rejected.
 */
@ApplicationScoped
class ImportOrderWriter {
    private static final HexFormat HEX = HexFormat.of();

    private final ObjectMapper mapper;
    private final ImportJobs jobs;

    ImportOrderWriter(ObjectMapper mapper, ImportJobs jobs) {
        this.mapper = mapper;
        this.jobs = jobs;
    }

    /** Whether the batch writer can write this order; the others go through the normal order path. */
    static boolean accepts(OrderRequest o) {
        return !Boolean.TRUE.equals(o.accrue()) && ImportCustomers.key(o) != null;
    }

    /** An order about to be inserted, with its new id, its customer and the hash that tells duplicates. */
    private record Row(ImportRecord record, UUID id, UUID customerId, String hash) {
        OrderRequest order() {
            return record.order();
        }
    }

    /** Writes the orders and the job's progress, then commits; rolls back all of it if any fails. */
    void write(Connection c, UUID jobId, List<ImportRecord> batch, Caller caller, ImportProgress progress) throws SQLException {
        try {
            if (!batch.isEmpty()) {
                writeOrders(c, batch, caller, progress);
            }
            jobs.record(c, jobId, progress.drain());
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private void writeOrders(Connection c, List<ImportRecord> batch, Caller caller, ImportProgress progress) throws SQLException {
        ImportCustomers customers = ImportCustomers.of(c, batch, progress);
        List<Row> rows = rowsWithCustomers(batch, customers, progress);
        if (rows.isEmpty()) {
            return;
        }
        Set<UUID> inserted = insertOrders(c, rows, caller);
        List<Row> written = rows.stream().filter(r -> inserted.contains(r.id())).toList();
        insertLines(c, written);
        progress.imported(written.size());
        sortOutSkipped(c, rows.stream().filter(r -> !inserted.contains(r.id())).toList(), caller, progress);
    }

    /** The orders whose customer is known; the others are rejected. */
    private List<Row> rowsWithCustomers(List<ImportRecord> batch, ImportCustomers customers, ImportProgress progress) {
        List<Row> rows = new ArrayList<>(batch.size());
        for (ImportRecord r : batch) {
            UUID customer = customers.customerOf(r.order());
            if (customer == null) {
                progress.reject(r.refused(ImportCustomers.missing(r.order())));
            } else {
                rows.add(new Row(r, Ids.newId(), customer, HEX.formatHex(RequestHash.of(mapper, r.order()))));
            }
        }
        return rows;
    }

    /** Inserts the orders whose externalId is free; the ids of those it inserted. Numbers go as text, cast exactly. */
    private static Set<UUID> insertOrders(Connection c, List<Row> rows, Caller caller) throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO orders (id, api_key_id, external_id, customer_id, placed_at, currency, subtotal, discount, shipping,
                                    total, returned_amount, status, accrue, request_hash, accrual, created_at, channel)
                SELECT u.id, ?, u.ext, u.cust, u.placed, u.cur, u.sub, u.disc, u.ship, u.tot, 0, 'PLACED', false,
                       decode(u.hash, 'hex'), '[]'::jsonb, now(), u.chan
                FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::timestamptz[], ?::text[], ?::numeric[], ?::numeric[],
                            ?::numeric[], ?::numeric[], ?::text[], ?::text[])
                     AS u(id, ext, cust, placed, cur, sub, disc, ship, tot, hash, chan)
                ON CONFLICT (api_key_id, external_id) DO NOTHING
                RETURNING id""")) {
            s.setObject(1, caller.apiKeyId());
            s.setArray(2, NativeSql.column(c, "uuid", rows, Row::id));
            s.setArray(3, NativeSql.column(c, "text", rows, r -> r.order().externalId()));
            s.setArray(4, NativeSql.column(c, "uuid", rows, Row::customerId));
            s.setArray(5, NativeSql.column(c, "text", rows, r -> r.order().placedAt().toString()));
            s.setArray(6, NativeSql.column(c, "text", rows, r -> r.order().currency()));
            s.setArray(7, NativeSql.column(c, "text", rows, r -> subtotal(r.order()).toPlainString()));
            s.setArray(8, NativeSql.column(c, "text", rows, r -> orZero(r.order().discount()).toPlainString()));
            s.setArray(9, NativeSql.column(c, "text", rows, r -> orZero(r.order().shipping()).toPlainString()));
            s.setArray(10, NativeSql.column(c, "text", rows, r -> r.order().total().toPlainString()));
            s.setArray(11, NativeSql.column(c, "text", rows, Row::hash));
            s.setArray(12, NativeSql.column(c, "text", rows, r -> r.order().channel()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    private static void insertLines(Connection c, List<Row> orders) throws SQLException {
        List<Object[]> lines = new ArrayList<>();
        for (Row order : orders) {
            List<OrderRequest.Line> of = order.order().lines();
            for (int n = 0; n < of.size(); n++) {
                OrderRequest.Line l = of.get(n);
                lines.add(new Object[]{order.id(), n + 1, l.sku(), l.name(), l.category(), l.quantity(),
                        l.unitPrice().toPlainString()});
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        String[] types = {"uuid", "int4", "text", "text", "text", "int4", "text"};
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO order_line (order_id, line_no, sku, name, category, quantity, unit_price)
                SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::numeric[])""")) {
            for (int i = 0; i < types.length; i++) {
                int col = i;
                s.setArray(col + 1, NativeSql.column(c, types[col], lines, line -> line[col]));
            }
            s.executeUpdate();
        }
    }

    /** A true duplicate has the same content; the same externalId with other content is an error. */
    private static void sortOutSkipped(Connection c, List<Row> skipped, Caller caller, ImportProgress progress)
            throws SQLException {
        if (skipped.isEmpty()) {
            return;
        }
        Map<String, String> stored = storedHashes(c, skipped, caller);
        for (Row r : skipped) {
            String externalId = r.order().externalId();
            if (r.hash().equals(stored.get(externalId))) {
                progress.duplicate();
            } else {
                progress.reject(r.record().refused("externalId '" + externalId + "' was already used for a different order"));
            }
        }
    }

    private static Map<String, String> storedHashes(Connection c, List<Row> rows, Caller caller) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT external_id, encode(request_hash, 'hex') FROM orders WHERE api_key_id = ? AND external_id = ANY(?)")) {
            s.setObject(1, caller.apiKeyId());
            s.setArray(2, NativeSql.column(c, "text", rows, r -> r.order().externalId()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return stored;
    }

    private static BigDecimal subtotal(OrderRequest o) {
        return o.lines().stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
