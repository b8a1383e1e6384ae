package io.loyalty.tier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "MembershipPayment", description = "A membership fee paid, and the paid period it bought.")
public record PaymentResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID programmeId,
        @Schema(required = true) UUID customerId,
        @Schema(required = true, example = "999.00") BigDecimal amount,
        @Schema(required = true, example = "INR") String currency,
        @Schema(required = true, example = "P1Y") String period,
        @Schema(required = true) Instant paidAt,
        @Schema(required = true, description = "Start of the period bought: the end of the paid time before it, or the payment after a lapse.")
        Instant coversFrom,
        @Schema(required = true, description = "End of the period bought; a refund moves it back to the refund.") Instant coversTo,
        @Schema(nullable = true, example = "psp-ch_3PqL9a") String reference,
        @Schema(nullable = true) Instant refundedAt,
        @Schema(nullable = true, example = "999.00") BigDecimal refundedAmount,
        @Schema(nullable = true, example = "Charged twice by mistake") String refundReason,
        @Schema(required = true) Instant createdAt) {
}
