package io.loyalty.tier;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "MembershipRefundRequest")
public record RefundRequest(
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 4)
        @Schema(nullable = true, example = "999.00", description = "Money given back, at most the payment; default all of it.")
        BigDecimal amount,
        @NotBlank @Size(max = 500) @Schema(required = true, example = "Charged twice by mistake") String reason) {
}
