package io.loyalty.game;

import io.loyalty.customer.PromotionPolicy;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: withholds promotions from the customers a test names, and otherwise asks whatever policy the
 * application has (the allow-all default, or the feedback package's once merged), so other tests are unaffected.
 */
@Decorator
@Priority(10)
public class SuppressedCustomers implements PromotionPolicy {
    static final Set<UUID> SUPPRESSED = ConcurrentHashMap.newKeySet();

    @Inject
    @Delegate
    @Any
    PromotionPolicy delegate;

    @Override
    public Optional<Suppression> suppression(UUID customerId) {
        if (SUPPRESSED.contains(customerId)) {
            return Optional.of(new Suppression("OPEN_INCIDENT", UUID.randomUUID(), Instant.now(),
                    "Complaint is not resolved yet: repair first, promote later"));
        }
        return delegate.suppression(customerId);
    }
}
