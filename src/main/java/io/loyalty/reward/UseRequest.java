package io.loyalty.reward;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "RedemptionUse", description = "The order the code was used on: its id in this service, or the "
        + "storefront's own order reference (or both). At least one is required.")
public record UseRequest(
        @Schema(nullable = true) UUID orderId,
        @Size(min = 1, max = 200) @Schema(nullable = true, example = "web-100234") String orderExternalId) {
}
