package io.loyalty.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "AdjustmentRequest")
public record AdjustmentRequest(
        @NotNull @Schema(required = true) UUID programmeId,
        @NotNull @Min(-100_000_000) @Max(100_000_000)
        @Schema(required = true, example = "250", description = "Points to add (positive) or take away (negative); not 0.")
        Long points,
        @NotBlank @Size(max = 500) @Schema(required = true, example = "Apology for the late delivery of order web-100245")
        String reason) {
}
