package io.loyalty.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "SettlementLine", description = """
        One ledger movement, priced: liability = points x pointValue; owed (ISSUE kinds) = liability x rate; due \
        (REDEMPTION kinds) = -liability x rate; margin = owed - due - liability. `entryId` is the ledger entry \
        (GET /customers/{id}/points/ledger shows it with its lots).""")
public record SettlementLineResponse(
        @Schema(required = true) UUID entryId,
        @Schema(required = true) UUID programmeId,
        @Schema(nullable = true) UUID partnerId,
        @Schema(required = true) SettlementKind kind,
        @Schema(required = true, example = "EARN") String entryType,
        @Schema(required = true, example = "46", description = "Signed as in the ledger.") long points,
        @Schema(required = true, example = "0.25") BigDecimal pointValue,
        @Schema(required = true, example = "1.1") BigDecimal rate,
        @Schema(required = true, example = "12.65") BigDecimal owed,
        @Schema(required = true, example = "0") BigDecimal due,
        @Schema(required = true, example = "11.5") BigDecimal liability,
        @Schema(required = true, example = "1.15") BigDecimal margin,
        @Schema(nullable = true) UUID orderId,
        @Schema(nullable = true) UUID returnId,
        @Schema(nullable = true) UUID redemptionId,
        @Schema(required = true, description = "Business time of the movement.") Instant occurredAt,
        @Schema(required = true, description = "Places the line in a period: occurredAt, or the end of the closed "
                + "periods when it happened inside one.") Instant bookedAt,
        @Schema(required = true) Instant recordedAt) {

    static SettlementLineResponse from(SettlementLine l) {
        return new SettlementLineResponse(l.id, l.programmeId, l.partnerId, l.kind, l.entryType, l.points, l.pointValue,
                l.rate, l.owed, l.due, l.liability, l.margin, l.orderId, l.returnId, l.redemptionId, l.occurredAt,
                l.bookedAt, l.recordedAt);
    }
}
