package io.loyalty.reward;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RedemptionCancel")
public record CancelRequest(
        @Size(max = 500) @Schema(nullable = true, example = "Customer changed their mind at checkout") String reason) {
}
