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
    void cannotWrite() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> analytics.query(
                new Sql("CREATE TABLE metrics_must_not_write (x int)"), rs -> null));
        // 25006: read_only_sql_transaction
        assertTrue(e.getMessage().contains("25006"), e.getMessage());
    }
}
