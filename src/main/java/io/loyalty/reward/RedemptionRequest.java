package io.loyalty.reward;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "RedemptionRequest")
public record RedemptionRequest(
        @NotNull @Schema(required = true) UUID customerId,
        @NotNull @Schema(required = true) UUID rewardId,
        @Schema(nullable = true, description = "The coalition partner where the customer redeems; a PARTNER key's own "
                + "partner is used when left out.") UUID partnerId) {
}
