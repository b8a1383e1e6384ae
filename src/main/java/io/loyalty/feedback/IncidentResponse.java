package io.loyalty.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Incident", description = "A bad experience to repair: opened by a complaint or a bottom score; while "
        + "it is not RESOLVED, promotions to the customer are suppressed.")
public record IncidentResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID customerId,
        @Schema(required = true, description = "The feedback that opened it.") UUID feedbackId,
        @Schema(required = true, example = "COMPLAINT") Incident.Cause cause,
        @Schema(required = true, example = "OPEN") IncidentStatus status,
        @Schema(nullable = true, example = "Called the customer; the courier lost the parcel") String notes,
        @Schema(required = true) Instant openedAt,
        @Schema(nullable = true) Instant acknowledgedAt,
        @Schema(nullable = true, description = "The API key that acknowledged it.") UUID acknowledgedBy,
        @Schema(nullable = true) Instant resolvedAt,
        @Schema(nullable = true, description = "The API key that resolved it.") UUID resolvedBy,
        @Schema(nullable = true, example = "Parcel re-sent; apology credited") String resolution,
        @Schema(nullable = true, description = "What the customer was given when it was resolved.") Compensation compensation,
        @Schema(required = true, description = "Who did what, oldest first.") List<Step> history) {

    @Schema(name = "IncidentCompensation")
    public record Compensation(
            @Schema(nullable = true) UUID programmeId,
            @Schema(nullable = true, example = "250") Long points,
            @Schema(nullable = true, description = "The ledger ADJUST entry (reason `compensation`).") UUID ledgerEntryId,
            @Schema(nullable = true) UUID rewardId,
            @Schema(nullable = true, description = "The redemption of the granted reward.") UUID redemptionId) {
    }

    @Schema(name = "IncidentStep")
    public record Step(
            @Schema(required = true, example = "ACKNOWLEDGED", enumeration = {"OPENED", "ACKNOWLEDGED", "NOTED", "RESOLVED"})
            String action,
            @Schema(nullable = true) String notes,
            @Schema(required = true, description = "The API key that did it.") UUID apiKeyId,
            @Schema(required = true) Instant at) {
    }

    static IncidentResponse from(Incident i, List<IncidentEvent> events) {
        Compensation c = i.compensationPoints == null && i.compensationRewardId == null ? null
                : new Compensation(i.compensationProgrammeId, i.compensationPoints, i.compensationEntryId,
                i.compensationRewardId, i.compensationRedemptionId);
        return new IncidentResponse(i.id, i.customerId, i.feedbackId, i.cause, i.status, i.notes, i.openedAt,
                i.acknowledgedAt, i.acknowledgedBy, i.resolvedAt, i.resolvedBy, i.resolution, c,
                events.stream().map(e -> new Step(e.action, e.notes, e.apiKeyId, e.at)).toList());
    }
}
