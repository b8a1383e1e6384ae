package io.loyalty.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "LedgerEntry", description = "One immutable ledger line. Credits carry their lot (what is left of them); "
        + "debits list the lots they drew from, so every balance can be explained entry by entry.")
public record LedgerEntryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID programmeId,
        @Schema(required = true) EntryType type,
        @Schema(required = true, example = "46", description = "Signed: credits positive, debits negative.") long points,
        @Schema(required = true, example = "1046") long balanceAfter,
        @Schema(nullable = true) UUID orderId,
        @Schema(nullable = true) UUID returnId,
        @Schema(nullable = true, description = "The redemption a REDEEM or REFUND entry belongs to.") UUID redemptionId,
        @Schema(nullable = true, example = "spend") String ruleId,
        @Schema(nullable = true) String reason,
        @Schema(nullable = true, description = "The API key that caused the entry; null for the expiry job.") UUID apiKeyId,
        @Schema(nullable = true, description = "The coalition partner the entry is settled with: the one the order was "
                + "placed with, or the redemption made at; null for the operator's own.") UUID partnerId,
        @Schema(required = true, description = "Business time: when the order was placed, the points expired, ...") Instant occurredAt,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) Lot lot,
        @Schema(required = true) List<Allocation> allocations) {

    @Schema(name = "PointLot")
    public record Lot(long remaining, Instant availableFrom, Instant expiresAt) {
    }

    @Schema(name = "LedgerAllocation", description = "Points a debit drew from the lot of a credit entry.")
    public record Allocation(UUID lotEntryId, long points) {
    }
}
