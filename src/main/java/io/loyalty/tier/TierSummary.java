package io.loyalty.tier;

import io.loyalty.programme.TierScheme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

@Schema(name = "TierStatus", description = "A member's tier in a programme with tiers.")
public record TierSummary(
        @Schema(nullable = true, example = "Gold", description = "The tier held: pinned, else earned. Null: none yet.") String tier,
        @Schema(nullable = true, example = "Silver", description = "The tier earned by qualification.") String earnedTier,
        @Schema(nullable = true, example = "Gold", description = "The tier whose multiplier and benefits apply: the tier "
                + "held, or while a paid-only tier is unpaid the highest lower tier that is not.") String benefitTier,
        @Schema(nullable = true, description = "An admin's pin, while it lasts.") Pin pin,
        @Schema(nullable = true, description = "When the earned tier was reached.") Instant since,
        @Schema(required = true) TierScheme.Basis basis,
        @Schema(required = true, example = "3120", description = "Points or spend counted in the current window so far.")
        BigDecimal qualification,
        @Schema(required = true, description = "Start of the current window.") Instant windowStart,
        @Schema(nullable = true, description = "The next tier up; null at the top.") Next next,
        @Schema(nullable = true, description = "What keeps the earned tier at its review; null when it cannot be lost.")
        Keep keep,
        @Schema(required = true, description = "Every tier, lowest first.") List<String> tiers) {

    @Schema(name = "TierPin")
    public record Pin(@Schema(example = "Gold") String tier, @Schema(example = "Service recovery after lost luggage") String reason,
                      Instant until) {
    }

    @Schema(name = "TierProgress")
    public record Next(@Schema(example = "Gold") String tier, @Schema(example = "5000") BigDecimal threshold,
                       @Schema(example = "1880", description = "Still needed in the current window.") BigDecimal needed) {
    }

    @Schema(name = "TierKeep")
    public record Keep(@Schema(example = "Silver") String tier, @Schema(example = "1000") BigDecimal threshold,
                       @Schema(example = "640", description = "Counted so far in the window the review judges.")
                       BigDecimal qualification,
                       @Schema(example = "360", description = "Still needed before `windowEnds`.") BigDecimal needed,
                       @Schema(description = "When the review (or the end of the grace period) decides.") Instant windowEnds,
                       @Schema(description = "The member fell short at the review and keeps the tier until `windowEnds`.")
                       boolean grace) {
    }
}
