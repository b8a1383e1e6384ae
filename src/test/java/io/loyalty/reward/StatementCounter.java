package io.loyalty.reward;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Test-only hook: counts the SQL statements Hibernate prepares on the current thread while counting is on,
 * so a test can prove that a page is read in a fixed number of queries.
 */
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {
    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

    static void start() {
        COUNT.set(new int[1]);
    }

    static int stop() {
        int[] count = COUNT.get();
        COUNT.remove();
        return count[0];
    }

    @Override
    public String inspect(String sql) {
        int[] count = COUNT.get();
        if (count != null) {
            count[0]++;
        }
        return sql;
    }
}
