package io.loyalty.reward;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Schema(name = "Reward", description = "A catalogue entry.")
public record RewardResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID programmeId,
        @Schema(required = true, example = "₹50 off your next order") String name,
        @Schema(nullable = true) String description,
        @Schema(required = true) RewardType type,
        @Schema(required = true) RewardStatus status,
        @Schema(required = true, example = "500") long cost,
        @Schema(nullable = true) Instant validFrom,
        @Schema(nullable = true) Instant validTo,
        @Schema(nullable = true, example = "30") Integer codeValidDays,
        @Schema(nullable = true, example = "97", description = "Units left; null: unlimited.") Integer stock,
        @Schema(nullable = true, example = "1") Integer limitPerCustomer,
        @Schema(required = true) LimitPeriod limitPeriod,
        @Schema(required = true) Eligibility eligibility,
        @Schema(nullable = true) UUID partnerId,
        @Schema(required = true) boolean refundOnExpiry,
        @Schema(required = true) CodeSource codeSource,
        @Schema(nullable = true, example = "412", description = "POOL rewards: imported codes not handed out yet.")
        Long codesAvailable,
        @Schema(nullable = true, example = "50.00") BigDecimal amount,
        @Schema(nullable = true) String currency,
        @Schema(nullable = true) BigDecimal percent,
        @Schema(nullable = true) BigDecimal maxDiscount,
        @Schema(nullable = true) String sku,
        @Schema(nullable = true) String subject,
        @Schema(nullable = true) Instant startsAt,
        @Schema(nullable = true) Map<String, String> attributes,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    /** {@code stock}: the units left (the sum of the reward's stock slots), null when unlimited. */
    static RewardResponse from(Reward r, String currency, Integer stock, Long codesAvailable) {
        RewardDetails d = r.details;
        return new RewardResponse(r.id, r.programmeId, r.name, r.description, r.type, r.status, r.cost, r.validFrom,
                r.validTo, r.codeValidDays, stock, r.limitPerCustomer, r.limitPeriod, r.eligibility, r.partnerId,
                r.refundOnExpiry, r.codeSource, codesAvailable, d.amount(),
                d.amount() != null || d.maxDiscount() != null ? currency : null, d.percent(), d.maxDiscount(), d.sku(),
                d.subject(), d.startsAt(), d.attributes(), r.createdAt, r.updatedAt);
    }
}
