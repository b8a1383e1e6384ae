package io.loyalty.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "ReferralCode")
public record ReferralCodeResponse(
        @Schema(required = true) UUID customerId,
        @Schema(required = true, example = "ASHA7K2Q", description = "Stable: asking again returns the same code.") String code,
        @Schema(required = true) Instant createdAt) {
}
