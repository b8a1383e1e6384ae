package io.loyalty.tier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "TierChange", description = "One change of a member's tier. `from`/`to` null: no tier.")
public record TierChangeResponse(
        @Schema(required = true) UUID id,
        @Schema(nullable = true, example = "Silver") String from,
        @Schema(nullable = true, example = "Gold") String to,
        @Schema(required = true) Reason reason,
        @Schema(nullable = true, example = "qualification 5120 reached Gold's threshold 5000") String detail,
        @Schema(nullable = true, description = "The order that caused it (QUALIFIED, RETURN).") UUID orderId,
        @Schema(required = true) Instant occurredAt) {

    @Schema(name = "TierChangeReason", description = """
            QUALIFIED: an order crossed a threshold; REVIEW: the review at the end of the window downgraded; \
            GRACE_STARTED: short at the review, the tier is kept for the grace period; RETURN: a return took away \
            the qualification the tier was reached with; PINNED, UNPINNED, PIN_ENDED: an admin's pin.""")
    public enum Reason { QUALIFIED, REVIEW, GRACE_STARTED, RETURN, PINNED, PIN_ENDED, UNPINNED }
}
