package io.loyalty.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "PointsBalance", description = """
        A customer's points in one programme. balance = available + pending; available may be negative while \
        the customer owes points (points reversed by a return after they were spent), which blocks redemption.""")
public record BalanceResponse(
        @Schema(required = true) UUID programmeId,
        @Schema(required = true, example = "Chai Points") String programmeName,
        @Schema(required = true, example = "1250", description = "All points the customer holds, pending included, minus debt.") long balance,
        @Schema(required = true, example = "1150", description = "Points that can be spent now.") long available,
        @Schema(required = true, example = "100", description = "Points still inside the programme's return window.") long pending,
        @Schema(required = true, example = "0", description = "Points owed (reversed after being spent).") long debt,
        @Schema(required = true, example = "3400") long lifetimeEarned,
        @Schema(required = true, example = "2000") long redeemed,
        @Schema(required = true, example = "50") long reversed,
        @Schema(required = true, example = "100") long expired,
        @Schema(required = true, example = "0", description = "Net manual adjustments.") long adjusted,
        @Schema(required = true, example = "300", description = "Points that will expire within 30 days unless spent.") long expiringIn30Days,
        @Schema(nullable = true, description = "When the next of those points expire.") Instant nextExpiryAt,
        @Schema(required = true) Instant asOf) {
}
