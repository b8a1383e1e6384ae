package io.loyalty.common;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Bean validation uses the resolver that lets it reach every property, not the JPA-aware default. */
@QuarkusTest
class EveryPropertyReachableTest {
    @Inject
    ValidatorFactory validation;

    @Test
    void validationReachesEveryPropertyWithoutAskingJpa() {
        assertInstanceOf(EveryPropertyReachable.class, validation.getTraversableResolver());
    }
}
