package io.loyalty.reward;

import java.security.SecureRandom;

/**
 * Codes a customer reads aloud or types at a till: 16 characters from an alphabet without 0/O and 1/I,
 * in groups of four. 32 symbols give 80 random bits, so guessing a live code is hopeless and
 * collisions (refused by a unique index anyway) do not happen in practice.
 */
final class RedemptionCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RedemptionCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
