package io.loyalty.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "ResolveIncidentRequest")
public record ResolveRequest(
        @Size(max = 4000) @Schema(nullable = true, example = "Parcel re-sent; apology credited") String resolution,
        @Valid @Schema(nullable = true, description = "What to give the customer, at most once.") Compensation compensation) {

    @Schema(name = "CompensationRequest", description = "Bonus points (programmeId and points), a granted reward "
            + "(rewardId), or both.")
    public record Compensation(
            @Schema(nullable = true) UUID programmeId,
            @Min(1) @Max(100_000_000) @Schema(nullable = true, example = "250") Long points,
            @Schema(nullable = true) UUID rewardId) {
    }
}
