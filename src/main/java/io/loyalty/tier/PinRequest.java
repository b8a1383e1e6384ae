package io.loyalty.tier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "TierPinRequest")
public record PinRequest(
        @NotBlank @Size(max = 50) @Schema(required = true, example = "Gold") String tier,
        @NotBlank @Size(max = 500) @Schema(required = true, example = "Service recovery after lost luggage") String reason,
        @NotNull @Schema(required = true, example = "2027-03-31T23:59:59+05:30",
                description = "The pin ends then; the earned tier applies again.") OffsetDateTime until) {
}
