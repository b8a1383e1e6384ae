package io.loyalty.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "ApiKey", description = "An API client. The key itself is never shown again after creation.")
public record ApiKeyResponse(
        @Schema(required = true, example = "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70") UUID id,
        @Schema(required = true, example = "Main web storefront") String name,
        @Schema(required = true, example = "STOREFRONT") Role role,
        @Schema(nullable = true) UUID partnerId,
        @Schema(required = true, example = "3f9a0c1e", pattern = "^[0-9a-f]{8}$",
                description = "The first 8 hex digits of the SHA-256 hash of the key, to recognise it; reveals nothing about the key.")
        String fingerprint,
        @Schema(required = true, example = "2026-11-22T09:00:00Z") Instant createdAt,
        @Schema(nullable = true, description = "When the key was revoked; null while it is active.") Instant revokedAt) {

    static ApiKeyResponse from(ApiKey key) {
        return new ApiKeyResponse(key.id, key.name, key.role, key.partnerId, key.fingerprint, key.createdAt, key.revokedAt);
    }
}
