package io.loyalty.game;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a changing transaction leaves in the cache: nothing loaded before its commit survives it. */
@QuarkusTest
class GameCatalogClearingTest {
    @Inject
    GameCatalog catalog;
    @Inject
    @CacheName(GameCatalog.CACHE)
    Cache cache;

    private boolean cached() {
        return !cache.as(CaffeineCache.class).keySet().isEmpty();
    }

    @Test
    void rowsLoadedInsideTheChangingTransactionAreGoneWhenItEnds() {
        catalog.all();
        assertTrue(cached());
        QuarkusTransaction.requiringNew().run(() -> {
            catalog.changed();
            assertFalse(cached());
            catalog.all(); // a reader between the change and its commit
            assertTrue(cached());
        });
        assertFalse(cached());
        catalog.all();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            catalog.changed();
            catalog.all();
            throw new IllegalStateException("the change is rolled back");
        }));
        assertFalse(cached());
    }
}
