package io.loyalty.game;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;

/**
 * Draws from the platform's strong, self-seeded {@link SecureRandom}: nobody, the operator included, can predict
 * or steer a roll. SecureRandom is safe for use by several threads.
 */
@DefaultBean
@ApplicationScoped
public class SecureRandomSource implements RandomSource {
    private final SecureRandom random = new SecureRandom();

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
