package io.loyalty.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Names the tables a native statement touches. Hibernate cannot parse SQL, so before a native statement that names
 * none it writes out every pending change of the persistence context; one that names its tables waits only for the
 * pending changes to those. That is what lets the orders of a batch ({@code io.loyalty.order.OrderWriter}) keep
 * their rows pending until one write at the end, instead of being written out order by order.
 */
public final class NativeSql {
    private NativeSql() {
    }

    /** @return the query, which now flushes pending changes only to {@code tables} first */
    public static <Q extends Query> Q touching(Q query, String... tables) {
        NativeQuery<?> nativeQuery = query.unwrap(NativeQuery.class);
        for (String table : tables) {
            nativeQuery.addSynchronizedQuerySpace(table);
        }
        return query;
    }

    /**
     * Begins a batch writer's transaction: no lock is waited for longer than {@code lockTimeout} (a batch that would,
     * fails, and its requests are written on their own), and every statement runs on its generic plan, with no
     * sequential scans. A batch's statements with an array of its ids were otherwise planned again at every execution:
     * with a handful of ids a custom plan looks cheaper than the generic plan's guess of ten, and PostgreSQL prices
     * planning far below the 100-200 microseconds it took here (pg_stat_statements, a redemption batch: one plan per
     * call for the customer check, the membership lock and the idempotency update, a seventh of the database's time).
     * A generic plan is kept until the table is analysed again; one made while a table was tiny could scan it, and go
     * on scanning it for every batch as it grows. Every statement of a batch is meant as index probes of the batch's
     * rows, so scans are off, as they are in the metrics read model's triggers (V20).
     */
    public static void beginBatch(EntityManager em, String lockTimeout) {
        em.unwrap(Session.class).doWork(c -> beginBatch(c, lockTimeout));
    }

    /** As {@link #beginBatch(EntityManager, String)}, on a connection whose transaction has begun. */
    public static void beginBatch(Connection c, String lockTimeout) throws SQLException {
        // Prepared, so that once the driver has made it a server-side statement (its fifth run on a connection) and
        // PostgreSQL has settled on a generic plan for it (five runs more), it is not planned either.
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('lock_timeout', ?, true), "
                + "set_config('plan_cache_mode', 'force_generic_plan', true), set_config('enable_seqscan', 'off', true)")) {
            s.setString(1, lockTimeout);
            s.execute();
        }
    }

    /**
     * Whether the query, given its one parameter, returns a row. Plain JDBC on the transaction's connection, outside
     * Hibernate: no query interpretation, no check of pending changes, nothing written out first. For small statements
     * every batch runs, where going through a Hibernate query cost several percent of a batch writer's time; only for
     * statements whose result cannot depend on the persistence context's pending changes.
     */
    public static boolean exists(EntityManager em, String sql, Object parameter) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, parameter);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * One column of rows as an SQL array of {@code type}, for the array-valued multi-row statements
     * ({@code INSERT ... SELECT * FROM unnest(?::uuid[], ...)}) the batch writers use.
     */
    public static <T> Array column(Connection c, String type, List<T> rows, Function<T, Object> value) throws SQLException {
        return c.createArrayOf(type, rows.stream().map(value).toArray());
    }
}
