package io.loyalty.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link NativeSql#beginBatch}: the lock timeout, generic plans and no sequential scans hold for the batch's
 * transaction, and only for it: the same pooled connection is back to its defaults after the commit.
 */
@QuarkusTest
class BatchTransactionTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theBatchSettingsLastUntilTheTransactionEnds() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<String> before = settings(c);
            assertEquals(List.of("auto", "on"), before.subList(1, 3), "the connection's defaults");
            c.setAutoCommit(false);
            NativeSql.beginBatch(c, "345ms");
            assertEquals(List.of("345ms", "force_generic_plan", "off"), settings(c));
            c.commit();
            assertEquals(before, settings(c));
            c.setAutoCommit(true);
        }
    }

    private static List<String> settings(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('lock_timeout'), current_setting('plan_cache_mode'), current_setting('enable_seqscan')")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }
}
