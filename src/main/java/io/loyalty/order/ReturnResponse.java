package io.loyalty.order;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RegisterForReflection
@Schema(name = "Return")
public record ReturnResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID orderId,
        @Schema(required = true, example = "81.00", description = "Money refunded: the lines' value less their share of the discount, or the amount.")
        BigDecimal amount,
        @Schema(required = true) List<ReturnedLine> lines,
        @Schema(nullable = true) String reason,
        @Schema(required = true) OrderStatus orderStatus,
        @Schema(required = true, description = "Points taken back, per programme.") List<Reversal> reversals,
        @Schema(required = true, description = "Stamps taken back, per stamp card.") List<StampReversal> stamps,
        @Schema(required = true) Instant createdAt) {

    @RegisterForReflection
    @Schema(name = "ReturnedLine")
    public record ReturnedLine(int lineNo, String sku, int quantity) {
    }

    @RegisterForReflection
    @Schema(name = "Reversal")
    public record Reversal(UUID programmeId, @Schema(example = "12") long points,
                           @Schema(example = "988", description = "Balance after the reversal; negative means a debt.") long balance) {
    }

    @RegisterForReflection
    @Schema(name = "StampReversal")
    public record StampReversal(UUID programmeId, @Schema(example = "chai-card") String ruleId,
                                @Schema(example = "2", description = "Stamps taken back off the card.") long stamps,
                                @Schema(example = "1", description = "Stamps on the card afterwards.") int onCard,
                                @Schema(example = "0", description = "Stamps owed because they had already gone into a "
                                        + "completed card; the next stamps earned pay them first.") int debt) {
    }
}
