package io.loyalty.game;

/**
 * Where draws get their random numbers. The application's is {@link SecureRandomSource}; tests may replace it
 * to make draws reproducible. Nothing in the application provides a predictable one.
 */
public interface RandomSource {

    /** A uniformly distributed whole number in [0, bound). */
    int nextInt(int bound);
}
