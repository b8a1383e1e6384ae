package io.loyalty;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

/** For tests that make a request wait on a lock they hold: waits, with a bound, until it does. */
public final class LockWaits {
    private LockWaits() {
    }

    /**
     * Polls, for at most {@code seconds}, until a session of this database whose statement is ILIKE {@code query}
     * waits for a lock; fails with {@code what} otherwise.
     */
    public static void await(AgroalDataSource dataSource, String query, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (Connection c = dataSource.getConnection(); PreparedStatement waiting = c.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE ?""")) {
            waiting.setString(1, query);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError(what);
    }
}
