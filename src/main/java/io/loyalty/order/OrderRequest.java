package io.loyalty.order;

import io.loyalty.customer.CustomerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "OrderRequest", description = "An order from a storefront. Name the customer by exactly one of "
        + "customerId, customerExternalId or customer (guest checkout: found by externalId or email, created if new).")
public record OrderRequest(
        @NotBlank @Size(max = 100) @Schema(required = true, example = "web-100245",
                description = "The order's id in your system; posting it again is answered from the first time.")
        String externalId,
        @Schema(nullable = true) UUID customerId,
        @Size(max = 100) @Schema(nullable = true, example = "shop-customer-1042") String customerExternalId,
        @Valid @Schema(nullable = true) CustomerRequest customer,
        @NotNull @Schema(required = true, example = "2026-11-22T10:15:00+05:30", description = "When it was placed; may be in the past.")
        OffsetDateTime placedAt,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as INR")
        @Schema(required = true, example = "INR") String currency,
        @NotEmpty @Size(max = 500) @Schema(required = true) List<@Valid @NotNull Line> lines,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "20.00", description = "Default 0.") BigDecimal discount,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "40.00", description = "Default 0. Never earns points.") BigDecimal shipping,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(required = true, example = "480.00", description = "Must equal the lines minus discount plus shipping.") BigDecimal total,
        @Schema(example = "true", description = "Default true. false stores the order for history and metrics without earning.")
        Boolean accrue,
        @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*", message = "must be letters, digits, '_', '.' or '-'")
        @Schema(nullable = true, example = "web", description = "Where it was placed (web, app, store-12 ...), for metrics by channel.")
        String channel) {

    @Schema(name = "OrderLineRequest")
    public record Line(
            @NotBlank @Size(max = 100) @Schema(required = true, example = "CHAI") String sku,
            @Size(max = 200) @Schema(example = "Masala chai") String name,
            @Size(max = 100) @Schema(example = "drinks") String category,
            @NotNull @Min(1) @Max(1_000_000) @Schema(required = true, example = "2") Integer quantity,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(required = true, example = "60.00")
            BigDecimal unitPrice) {
    }
}
