package io.loyalty.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Order")
public record OrderResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "web-100245") String externalId,
        @Schema(required = true) UUID customerId,
        @Schema(required = true) Instant placedAt,
        @Schema(required = true, example = "INR") String currency,
        @Schema(nullable = true, example = "web") String channel,
        @Schema(nullable = true, description = "The coalition partner the order was placed with (its PARTNER key posted it).")
        UUID partnerId,
        @Schema(required = true) List<Line> lines,
        @Schema(required = true, example = "460.00") BigDecimal subtotal,
        @Schema(required = true, example = "20.00") BigDecimal discount,
        @Schema(required = true, example = "40.00") BigDecimal shipping,
        @Schema(required = true, example = "480.00") BigDecimal total,
        @Schema(required = true, example = "0.00") BigDecimal returnedAmount,
        @Schema(required = true) OrderStatus status,
        @Schema(required = true) boolean accrue,
        @Schema(required = true, description = "What the order earned, per programme, when it was posted.")
        List<ProgrammeAccrual> accrual,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true, description = "The instant-win games the order played and the challenges it advanced, "
                + "when it posted; null when none was running for the customer.")
        io.loyalty.game.OrderGamification gamification) {

    @Schema(name = "OrderLine")
    public record Line(int lineNo, String sku, String name, String category, int quantity, BigDecimal unitPrice,
                       int returnedQuantity) {
    }

    static OrderResponse from(Order o, List<OrderLine> lines) {
        return new OrderResponse(o.id, o.externalId, o.customerId, o.placedAt, o.currency, o.channel, o.partnerId,
                lines.stream().map(l -> new Line(l.lineNo, l.sku, l.name, l.category, l.quantity, l.unitPrice,
                        l.returnedQuantity)).toList(),
                o.subtotal, o.discount, o.shipping, o.total, o.returnedAmount, o.status, o.accrue,
                AccrualSnapshot.toResponses(o.accrual), o.createdAt, o.gamification);
    }
}
