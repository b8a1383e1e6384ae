package io.loyalty.ledger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate sorts a flush's inserts by table (hibernate.order_inserts) without knowing which rows reference which, so
 * the references between rows one transaction writes are checked at its commit (V21). Each transaction here is rolled
 * back after {@code SET CONSTRAINTS ALL IMMEDIATE}, which runs the checks a commit would run.
 */
@QuarkusTest
class ReferencesCheckedAtCommitTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyReferenceToTheRowsAFlushWritesIsCheckedAtCommitAndThoseToCustomersAtOnce() throws SQLException {
        List<String> immediate = new ArrayList<>();
        List<String> customerDeferred = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT conrelid::regclass || '.' || conname, confrelid::regclass::text, condeferrable AND condeferred
                     FROM pg_constraint WHERE contype = 'f'""")) {
            while (rs.next()) {
                String referenced = rs.getString(2);
                boolean atCommit = rs.getBoolean(3);
                if (List.of("membership", "ledger_entry", "redemption", "order_return").contains(referenced) && !atCommit) {
                    immediate.add(rs.getString(1));
                }
                if (referenced.equals("customer") && atCommit) {
                    customerDeferred.add(rs.getString(1));
                }
            }
        }
        assertEquals(List.of(), immediate, "a new reference to a row Hibernate writes must be DEFERRABLE INITIALLY DEFERRED");
        assertEquals(List.of(), customerDeferred, "erasure relies on the immediate check's row lock on the customer");
    }

    @Test
    void aLotWrittenBeforeItsEntryIsAccepted() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                UUID customer = UUID.randomUUID();
                UUID programme = UUID.randomUUID();
                UUID membership = UUID.randomUUID();
                UUID entry = UUID.randomUUID();
                s.execute("INSERT INTO customer (id, external_id, created_at, updated_at) VALUES ('" + customer
                        + "', 'refs-" + customer + "', now(), now())");
                s.execute("INSERT INTO programme (id, name, kind, status, currency, point_value, enrolment, timezone, expiry, "
                        + "rules, created_at, updated_at) VALUES ('" + programme + "', 'References', 'CUMULATIVE', 'DRAFT', 'INR', 0, "
                        + "'OPT_IN', 'UTC', '{\"type\": \"NEVER\"}', '[]', now(), now())");
                s.execute("INSERT INTO membership (id, programme_id, customer_id, joined_at, balance, earned) VALUES ('"
                        + membership + "', '" + programme + "', '" + customer + "', now(), 5, 5)");
                s.execute("INSERT INTO point_lot (entry_id, membership_id, points, remaining, earned_at, available_from) "
                        + "VALUES ('" + entry + "', '" + membership + "', 5, 5, now(), now())");
                s.execute("INSERT INTO ledger_entry (id, membership_id, type, points, balance_after, occurred_at, created_at) "
                        + "VALUES ('" + entry + "', '" + membership + "', 'EARN', 5, 5, now(), now())");
                s.execute("SET CONSTRAINTS ALL IMMEDIATE");
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void aLotWhoseEntryNeverCameFailsItsTransaction() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO point_lot (entry_id, membership_id, points, remaining, earned_at, available_from) "
                        + "VALUES ('" + UUID.randomUUID() + "', '" + UUID.randomUUID() + "', 5, 5, now(), now())");
                SQLException e = assertThrows(SQLException.class, () -> s.execute("SET CONSTRAINTS ALL IMMEDIATE"));
                assertEquals("23503", e.getSQLState(), "a foreign key violation");
                assertTrue(e.getMessage().contains("point_lot"), e.getMessage());
            } finally {
                c.rollback();
            }
        }
    }
}
