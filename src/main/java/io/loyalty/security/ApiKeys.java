package io.loyalty.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key material. Keys carry 256 random bits, so a fast hash (SHA-256) is enough: there is nothing to
 * brute-force that a slow password hash would protect.
 */
final class ApiKeys {
    static final int FINGERPRINT_LENGTH = 8;
    static final int MIN_LENGTH = 16;
    private static final String KEY_MARKER = "lk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return KEY_MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What listings show to recognise a key: the start of its hash, which tells nothing about the key itself. */
    static String fingerprint(byte[] hash) {
        return HexFormat.of().formatHex(hash, 0, FINGERPRINT_LENGTH / 2);
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
