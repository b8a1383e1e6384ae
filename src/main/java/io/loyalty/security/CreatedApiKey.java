package io.loyalty.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "CreatedApiKey", description = "A new API client with its key. This is the only time the key is shown: store it now.")
public record CreatedApiKey(
        @Schema(required = true, example = "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70") UUID id,
        @Schema(required = true, example = "Main web storefront") String name,
        @Schema(required = true, example = "STOREFRONT") Role role,
        @Schema(nullable = true) UUID partnerId,
        @Schema(required = true, example = "lk_x7Q2aVbqM0cJ3s9yKpT4wz8R1uE6nLhD5fG2iO7jA0c",
                description = "The secret to send in X-API-Key.") String key,
        @Schema(required = true, example = "3f9a0c1e", pattern = "^[0-9a-f]{8}$",
                description = "How listings name this key: the first 8 hex digits of its SHA-256 hash; reveals nothing about it.")
        String fingerprint,
        @Schema(required = true, example = "2026-11-22T09:00:00Z") Instant createdAt) {
}
