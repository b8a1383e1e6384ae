package io.loyalty.programme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Programme")
public record ProgrammeResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "Chai Points") String name,
        @Schema(required = true) ProgrammeKind kind,
        @Schema(required = true) ProgrammeStatus status,
        @Schema(required = true, example = "INR") String currency,
        @Schema(required = true, example = "0.25") BigDecimal pointValue,
        @Schema(required = true) Enrolment enrolment,
        @Schema(required = true, example = "Asia/Kolkata") String timezone,
        @Schema(required = true, example = "14") int pendingDays,
        @Schema(required = true) ExpiryPolicy expiry,
        @Schema(required = true) List<EarningRule> rules,
        @Schema(nullable = true) TierScheme tiers,
        @Schema(nullable = true) MembershipFee fee,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static ProgrammeResponse from(Programme p) {
        return new ProgrammeResponse(p.id, p.name, p.kind, p.status, p.currency, p.pointValue, p.enrolment,
                p.timezone, p.pendingDays, p.expiry, p.rules, p.tiers, p.fee, p.createdAt, p.updatedAt);
    }
}
