package io.loyalty.tier;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "MembershipCancellationRequest")
public record CancellationRequest(
        @Schema(nullable = true, example = "2027-11-22T00:00:00+05:30", description = "When paid benefits stop; default "
                + "the end of the paid period (no renewal). Not in the past.") OffsetDateTime effectiveAt,
        @Size(max = 500) @Schema(nullable = true, example = "Moving abroad") String reason) {
}
