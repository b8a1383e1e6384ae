package io.loyalty.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "SettlementClosing")
public record ClosingResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) Instant closedUntil,
        @Schema(nullable = true, description = "The closing before this one.") Instant previousUntil,
        @Schema(nullable = true) UUID apiKeyId,
        @Schema(required = true) Instant createdAt) {

    static ClosingResponse from(SettlementClosing c) {
        return new ClosingResponse(c.id, c.closedUntil, c.previousUntil, c.apiKeyId, c.createdAt);
    }
}
