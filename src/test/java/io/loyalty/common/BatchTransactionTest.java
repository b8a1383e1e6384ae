package io.loyalty.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@link NativeSql#beginBatch}: the lock timeout and generic plans hold for the batch's transaction, and only for it. */
@QuarkusTest
class BatchTransactionTest {
    @Inject
    EntityManager em;

    @Test
    void theBatchSettingsLastUntilTheTransactionEnds() {
        List<?> inside = QuarkusTransaction.requiringNew().call(() -> {
            NativeSql.beginBatch(em, "345ms");
            return settings();
        });
        assertEquals(List.of("345ms", "force_generic_plan"), inside);
        List<?> after = QuarkusTransaction.requiringNew().call(this::settings);
        assertNotEquals("345ms", after.get(0), "a pooled connection must not keep the batch's lock timeout");
        assertEquals("auto", after.get(1), "a pooled connection must not keep generic plans");
    }

    private List<?> settings() {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT current_setting('lock_timeout'), current_setting('plan_cache_mode')").getSingleResult();
        return List.of(row);
    }
}
