package io.loyalty.programme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Membership")
public record MembershipResponse(
        @Schema(required = true) UUID programmeId,
        @Schema(required = true, example = "Chai Points") String programmeName,
        @Schema(required = true) UUID customerId,
        @Schema(required = true, example = "ACTIVE", description = "ACTIVE or ENDED.") String status,
        @Schema(required = true) Enrolment enrolment,
        @Schema(nullable = true, description = "Null for an AUTOMATIC programme the customer has not yet earned in.")
        Instant joinedAt,
        @Schema(nullable = true) Instant endedAt) {

    static MembershipResponse of(Programme p, UUID customerId, Membership m) {
        return new MembershipResponse(p.id, p.name, customerId, m == null || m.isActive() ? "ACTIVE" : "ENDED",
                p.enrolment, m == null ? null : m.joinedAt, m == null ? null : m.endedAt);
    }
}
