package io.loyalty.programme;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch of redemptions locks its memberships with {@link MembershipService#LOCK_EXISTING} on the statement's generic
 * plan (batches force generic plans), which is made once and kept whatever the table grows to: it must probe the
 * index for each pair, not scan the table. The plan is asked of PostgreSQL for an empty copy of the table (a temporary
 * table of the same name and indexes, which the statement then names), where a scan looks cheapest.
 */
@QuarkusTest
class MembershipLockPlanTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theGenericPlanProbesTheIndexEvenOnAnEmptyTable() throws SQLException {
        String plan;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE membership (LIKE public.membership INCLUDING ALL) ON COMMIT DROP");
                s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                s.execute("PREPARE lock_existing (text[], text[]) AS "
                        + MembershipService.LOCK_EXISTING.replace(":c", "$1").replace(":p", "$2"));
                StringBuilder lines = new StringBuilder();
                try (ResultSet rs = s.executeQuery("EXPLAIN (COSTS OFF) EXECUTE lock_existing('{}', '{}')")) {
                    while (rs.next()) {
                        lines.append(rs.getString(1)).append('\n');
                    }
                }
                plan = lines.toString();
                s.execute("DEALLOCATE lock_existing");
            } finally {
                c.rollback();
            }
        }
        assertFalse(plan.contains("Seq Scan"), plan);
        assertTrue(plan.contains("Index Cond: ((programme_id = x.p) AND (customer_id = x.c))"), "a probe per pair:\n" + plan);
        assertTrue(plan.contains("Sort Key: membership.id") || plan.contains("Sort Key: id"), "locked in id order:\n" + plan);
    }
}
