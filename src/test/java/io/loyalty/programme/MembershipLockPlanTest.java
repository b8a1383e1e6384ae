package io.loyalty.programme;

import io.agroal.api.AgroalDataSource;
import io.loyalty.common.NativeSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch of redemptions locks its memberships with {@link MembershipService#LOCK_EXISTING} on the statement's generic
 * plan ({@link NativeSql#beginBatch}), which is kept until the table is analysed again: it must probe indexes for the
 * batch's pairs, not read the table. The plan is asked of PostgreSQL, under the batch's settings, for the worst case:
 * an empty copy of the table (a temporary table of the same name and indexes, which the statement then names),
 * analysed while empty, where reading it all looks cheapest. Joined to the pairs, as it was, the statement scanned
 * the whole primary key.
 */
@QuarkusTest
class MembershipLockPlanTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theGenericPlanProbesIndexesEvenForATableAnalysedWhileEmpty() throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE membership (LIKE public.membership INCLUDING ALL) ON COMMIT DROP");
                s.execute("ANALYZE membership");
                NativeSql.beginBatch(c, "1s");
                s.execute("PREPARE lock_existing (text[], text[]) AS "
                        + MembershipService.LOCK_EXISTING.replace(":c", "$1").replace(":p", "$2"));
                try (ResultSet rs = s.executeQuery("EXPLAIN (COSTS OFF) EXECUTE lock_existing('{}', '{}')")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                s.execute("DEALLOCATE lock_existing");
            } finally {
                c.rollback();
            }
        }
        String p = plan.toString();
        assertFalse(p.contains("Seq Scan"), p);
        assertEquals(p.split("Index Scan", -1).length, p.split("Index Cond", -1).length,
                "every index scan is a probe with a condition, none reads a whole index:\n" + p);
        assertTrue(p.contains("Index Cond: (id = ANY"), "the memberships found are then read by id:\n" + p);
        assertTrue(p.startsWith("LockRows"), "and locked:\n" + p);
        assertTrue(p.contains("Sort Key: membership.id") || p.contains("Index Scan using membership_pkey on membership\n"),
                "in id order:\n" + p);
    }
}
