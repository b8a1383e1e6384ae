package io.loyalty.common;

import jakarta.persistence.Query;
import org.hibernate.query.NativeQuery;

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
}
