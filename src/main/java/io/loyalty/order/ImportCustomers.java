package io.loyalty.order;

import io.loyalty.common.Ids;
import io.loyalty.customer.CustomerRequest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The customers of one batch of imported orders, found or created with two statements for the whole batch.
 * An import creates the customers its orders name by external id.
 */
final class ImportCustomers {
    private final Map<String, UUID> byExternalId;
    private final Set<UUID> existingIds;

    private ImportCustomers(Map<String, UUID> byExternalId, Set<UUID> existingIds) {
        this.byExternalId = byExternalId;
        this.existingIds = existingIds;
    }

    /**
     * The external id under which the batch writer finds or creates the order's customer; "" for an order
     * naming its customer by id; null if the order must take the normal order path.
     */
    static String key(OrderRequest o) {
        if (o.customerExternalId() != null) {
            return o.customerExternalId();
        }
        if (o.customer() != null) {
            return o.customer().externalId();
        }
        return o.customerId() != null ? "" : null;
    }

    /** Creates the missing customers the batch names and reads the ids of all of them. */
    static ImportCustomers of(Connection c, List<ImportRecord> batch, ImportProgress progress) throws SQLException {
        Map<String, CustomerRequest> wanted = wanted(batch);
        Map<String, UUID> byExternalId = new HashMap<>();
        if (!wanted.isEmpty()) {
            progress.customersCreated(create(c, new ArrayList<>(wanted.values())));
            byExternalId = idsByExternalId(c, wanted.keySet());
        }
        return new ImportCustomers(byExternalId, existing(c, batch));
    }

    /** The customer the order belongs to, or null if it names one that does not exist or could not be created. */
    UUID customerOf(OrderRequest o) {
        if (o.customerId() != null) {
            return existingIds.contains(o.customerId()) ? o.customerId() : null;
        }
        return byExternalId.get(key(o));
    }

    /** Why {@link #customerOf} found no customer for the order. */
    static String missing(OrderRequest o) {
        return o.customerId() != null
                ? "customer " + o.customerId() + " does not exist or was erased"
                : "customer '" + key(o) + "' could not be created (its email belongs to another customer)";
    }

    private static Map<String, CustomerRequest> wanted(List<ImportRecord> batch) {
        Map<String, CustomerRequest> wanted = new HashMap<>();
        for (ImportRecord r : batch) {
            String ext = key(r.order());
            if (!ext.isEmpty()) {
                CustomerRequest inline = r.order().customer();
                wanted.putIfAbsent(ext, inline != null ? inline
                        : new CustomerRequest(ext, null, null, null, null, null, false));
            }
        }
        return wanted;
    }

    /** Inserts the customers not there yet; how many it inserted. */
    private static int create(Connection c, List<CustomerRequest> all) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO customer (id, external_id, email, first_name, last_name, marketing_consent, created_at, updated_at)
                SELECT u.id, u.ext, u.email, u.first, u.last, false, now(), now()
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(id, ext, email, first, last)
                ON CONFLICT DO NOTHING""")) {
            s.setArray(1, c.createArrayOf("uuid", all.stream().map(x -> Ids.newId()).toArray()));
            s.setArray(2, c.createArrayOf("text", all.stream().map(CustomerRequest::externalId).toArray()));
            s.setArray(3, c.createArrayOf("text", all.stream().map(CustomerRequest::email).toArray()));
            s.setArray(4, c.createArrayOf("text", all.stream().map(CustomerRequest::firstName).toArray()));
            s.setArray(5, c.createArrayOf("text", all.stream().map(CustomerRequest::lastName).toArray()));
            return s.executeUpdate();
        }
    }

    private static Map<String, UUID> idsByExternalId(Connection c, Set<String> externalIds) throws SQLException {
        Map<String, UUID> ids = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT external_id, id FROM customer WHERE external_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text", externalIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        return ids;
    }

    /** Which of the customer ids the batch names exist and were not erased. */
    private static Set<UUID> existing(Connection c, List<ImportRecord> batch) throws SQLException {
        Set<UUID> known = new HashSet<>();
        List<UUID> named = batch.stream().map(r -> r.order().customerId()).filter(Objects::nonNull).toList();
        if (named.isEmpty()) {
            return known;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM customer WHERE id = ANY(?) AND erased_at IS NULL")) {
            s.setArray(1, c.createArrayOf("uuid", named.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return known;
    }
}
