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
}
