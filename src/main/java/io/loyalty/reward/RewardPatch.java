package io.loyalty.reward;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The body of PATCH /rewards/{id}, for the OpenAPI contract only: the resource reads an ObjectNode and
 * {@link io.loyalty.common.MergePatch} merges it into a {@link RewardRequest}, which is then validated. Fields a reward
 * must have (programmeId, name, type, cost) are not nullable.
 */
@Schema(name = "RewardPatch", description = "JSON Merge Patch of a reward: only the fields to change; `null` clears a "
        + "field or puts it back to its default. The programme cannot change. The result must still have the fields its "
        + "type needs (see RewardRequest), whose constraints apply.")
public record RewardPatch(
        @Schema(description = "Must stay the reward's programme.") UUID programmeId,
        @Schema(maxLength = 200, example = "₹50 off your next order") String name,
        @Schema(nullable = true, maxLength = 2000) String description,
        RewardType type,
        @Schema(nullable = true, example = "INACTIVE", description = "`null`: ACTIVE.") RewardStatus status,
        @Schema(minimum = "0", maximum = "1000000000", example = "500") Long cost,
        @Schema(nullable = true) Instant validFrom,
        @Schema(nullable = true) Instant validTo,
        @Schema(nullable = true, minimum = "1", maximum = "3650", example = "30") Integer codeValidDays,
        @Schema(nullable = true, minimum = "0", maximum = "1000000000", example = "250", description = "Units left; `null`: unlimited.") Integer stock,
        @Schema(nullable = true, minimum = "1", maximum = "1000000", example = "1") Integer limitPerCustomer,
        @Schema(nullable = true, example = "MONTH", description = "`null`: EVER.") LimitPeriod limitPeriod,
        @Schema(nullable = true) Eligibility eligibility,
        @Schema(nullable = true) UUID partnerId,
        @Schema(nullable = true, example = "false", description = "`null`: true.") Boolean refundOnExpiry,
        @Schema(nullable = true, example = "POOL", description = "`null`: GENERATED.") CodeSource codeSource,
        @Schema(nullable = true, example = "50.00") BigDecimal amount,
        @Schema(nullable = true, minimum = "1", maximum = "100", example = "10") BigDecimal percent,
        @Schema(nullable = true, example = "200.00") BigDecimal maxDiscount,
        @Schema(nullable = true, maxLength = 100, example = "CHAI") String sku,
        @Schema(nullable = true, maxLength = 200, example = "Free screen repair") String subject,
        @Schema(nullable = true) Instant startsAt,
        @Schema(nullable = true, maxProperties = 20) Map<String, String> attributes) {
}
