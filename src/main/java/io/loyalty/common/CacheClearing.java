package io.loyalty.common;

import io.quarkus.cache.Cache;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * How a cache of rows is cleared by the transaction that changes those rows: at once, and again when that transaction
 * ends. Cleared only at once, a reader between the change and its commit would load the old rows and keep them for
 * the cache's whole expiry; cleared only at the end, this transaction would read its own cached old rows.
 */
public final class CacheClearing {
    private CacheClearing() {
    }

    public static void nowAndWhenDone(Cache cache, TransactionSynchronizationRegistry transaction) {
        cache.invalidateAll().await().indefinitely();
        if (transaction.getTransactionKey() == null) {
            return;
        }
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.invalidateAll().await().indefinitely();
            }
        });
    }
}
