package io.loyalty.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "ExpiryRun", description = "One pass of the expiry job over a programme.")
public record ExpiryRunResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID programmeId,
        @Schema(required = true, description = "Points due at or before this instant were expired.") Instant asOf,
        @Schema(required = true, example = "12") int memberships,
        @Schema(required = true, example = "15") int lots,
        @Schema(required = true, example = "2310") long points,
        @Schema(required = true) Instant startedAt,
        @Schema(nullable = true, description = "The API key that asked for the run; null for the scheduled job.") UUID apiKeyId) {
}
