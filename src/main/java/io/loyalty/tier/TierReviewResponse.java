package io.loyalty.tier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "TierReviewRun", description = "What one run of the tier review did.")
public record TierReviewResponse(
        @Schema(required = true) UUID programmeId,
        @Schema(required = true) Instant asOf,
        @Schema(required = true, example = "120", description = "Reviews done (a member overdue for several windows counts each).")
        int reviewed,
        @Schema(required = true, example = "100") int kept,
        @Schema(required = true, example = "15") int downgraded,
        @Schema(required = true, example = "5", description = "Members short at the review who keep the tier for the grace period.")
        int graceStarted,
        @Schema(required = true, example = "2") int pinsEnded) {
}
