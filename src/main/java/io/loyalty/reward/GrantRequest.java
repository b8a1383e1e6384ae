package io.loyalty.reward;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "GrantRequest")
public record GrantRequest(
        @NotNull @Schema(required = true) UUID rewardId,
        @NotBlank @Size(max = 500) @Schema(required = true, example = "Sorry about the late delivery of order 4411")
        String reason) {
}
