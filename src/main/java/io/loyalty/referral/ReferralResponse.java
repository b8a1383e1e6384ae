package io.loyalty.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Referral", description = "A customer brought by another, and the bonus status of the referral.")
public record ReferralResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID referrerId,
        @Schema(required = true) UUID referredCustomerId,
        @Schema(required = true, example = "ASHA7K2Q") String code,
        @Schema(required = true, example = "PENDING", description = "PENDING until the referred customer's first order "
                + "can no longer be returned (the programme's pending period is over); CONVERTED when the bonuses were "
                + "paid; LOST when that order was returned.") Referral.Status status,
        @Schema(nullable = true) UUID firstOrderId,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) Instant settledAt,
        @Schema(required = true, description = "Per programme with a referral bonus, what was paid.") List<Bonus> bonuses) {

    @Schema(name = "ReferralBonusPaid")
    public record Bonus(
            @Schema(required = true) UUID programmeId,
            @Schema(required = true, example = "500", description = "0 when the referrer's cap was reached.")
            long referrerPoints,
            @Schema(required = true, description = "The referrer had reached the programme's cap for the period.")
            boolean capped,
            @Schema(required = true, example = "200") long newcomerPoints,
            @Schema(required = true) Instant paidAt) {
    }
}
