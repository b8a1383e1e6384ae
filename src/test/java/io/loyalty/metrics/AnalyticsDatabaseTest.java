package io.loyalty.metrics;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AnalyticsDatabaseTest {
    @Inject
    AnalyticsDatabase analytics;

    @Test
    void readsTheAppDatabase() {
        long migrations = analytics.query(new Sql("SELECT count(*) FROM flyway_schema_history WHERE version = ?", "8"),
                rs -> rs.next() ? rs.getLong(1) : -1);
        assertEquals(1, migrations);
    }

    @Test
    void parallelSettingsHoldForTheirStatementOnly() {
        Sql both = new Sql("SELECT current_setting('parallel_tuple_cost') || ' ' || current_setting('parallel_setup_cost') "
                + "|| ' ' || current_setting('enable_hashagg')");
        // the server's own settings, whatever they are, before and after
        String configured = analytics.query(both, rs -> rs.next() ? rs.getString(1) : null);
        assertEquals("0.01 100 " + configured.split(" ")[2], analytics.query(new Sql(both.text()).parallel(),
                rs -> rs.next() ? rs.getString(1) : null));
        assertEquals("0.01 100 off", analytics.query(new Sql(both.text()).parallel().sortedGrouping(),
                rs -> rs.next() ? rs.getString(1) : null));
        for (int i = 0; i < 16; i++) {
            assertEquals(configured, analytics.query(both, rs -> rs.next() ? rs.getString(1) : null));
        }
    }

    @Test
    void cannotWrite() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> analytics.query(
                new Sql("CREATE TABLE metrics_must_not_write (x int)"), rs -> null));
        // 25006: read_only_sql_transaction
        assertTrue(e.getMessage().contains("25006"), e.getMessage());
    }

    @Test
    void sortedGroupingHoldsForItsStatementOnly() {
        Sql hashagg = new Sql("SELECT current_setting('enable_hashagg')");
        assertEquals("off", analytics.query(new Sql("SELECT current_setting('enable_hashagg')").sortedGrouping(),
                rs -> rs.next() ? rs.getString(1) : null));
        // every pooled connection afterwards plans as configured again (the pool has at most 8)
        for (int i = 0; i < 16; i++) {
            assertEquals("on", analytics.query(hashagg, rs -> rs.next() ? rs.getString(1) : null));
        }
        // a failing statement leaves no transaction open on the connection either
        assertThrows(IllegalStateException.class, () -> analytics.query(
                new Sql("SELECT 1 / 0").sortedGrouping(), rs -> null));
        for (int i = 0; i < 16; i++) {
            assertEquals("on", analytics.query(hashagg, rs -> rs.next() ? rs.getString(1) : null));
        }
    }
}
