package io.loyalty.tier;

import io.loyalty.programme.MembershipFee;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "PaidMembership", description = "A member's paid membership in a programme with a fee.")
public record PaidSummary(
        @Schema(required = true, description = "Paid benefits and multipliers apply now.") boolean active,
        @Schema(nullable = true, description = "End of the last paid period (after refunds and cancellation); null: never paid.")
        Instant paidUntil,
        @Schema(nullable = true, description = "A cancellation takes effect then.") Instant cancelAt,
        @Schema(required = true) MembershipFee fee) {
}
