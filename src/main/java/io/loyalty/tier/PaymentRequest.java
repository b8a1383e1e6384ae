package io.loyalty.tier;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Schema(name = "MembershipPaymentRequest")
public record PaymentRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 4)
        @Schema(required = true, example = "999.00", description = "Must equal the programme's fee.") BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as INR")
        @Schema(required = true, example = "INR") String currency,
        @Schema(nullable = true, example = "2026-11-22T10:15:00+05:30", description = "When it was paid; default now, never in the future.")
        OffsetDateTime paidAt,
        @Size(max = 200) @Schema(nullable = true, example = "psp-ch_3PqL9a", description = "The payment provider's reference.")
        String reference) {
}
