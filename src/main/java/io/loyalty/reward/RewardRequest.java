package io.loyalty.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A reward as the caller describes it: the body of a create and the document a PATCH is merged into. */
@Schema(name = "RewardRequest", description = """
        Fields by type: DISCOUNT_AMOUNT needs `amount` (in the programme's currency); DISCOUNT_PERCENT needs \
        `percent` (1-100) and may cap it with `maxDiscount`; FREE_PRODUCT needs `sku`; FREE_SHIPPING needs \
        nothing more; SERVICE and EXPERIENCE need `subject` (what is offered) and EXPERIENCE may have \
        `startsAt`; EARLY_ACCESS needs `subject` (the launch) and `startsAt` (when access opens); CUSTOM needs \
        `description` and may carry `attributes`. Fields that do not belong to the type are refused.""")
public record RewardRequest(
        @NotNull @Schema(required = true) UUID programmeId,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "₹50 off your next order") String name,
        @Size(max = 2000) @Schema(nullable = true) String description,
        @NotNull @Schema(required = true, example = "DISCOUNT_AMOUNT") RewardType type,
        @Schema(example = "ACTIVE", description = "Default ACTIVE.") RewardStatus status,
        @NotNull @Min(0) @Max(1_000_000_000) @Schema(required = true, example = "500",
                description = "Points it costs; 0 for rewards that are only granted.") Long cost,
        @Schema(nullable = true, description = "Offered from (inclusive).") Instant validFrom,
        @Schema(nullable = true, description = "Offered until (exclusive).") Instant validTo,
        @Min(1) @Max(3650) @Schema(nullable = true, example = "30",
                description = "Days an issued code stays usable; null: until cancelled.") Integer codeValidDays,
        @Min(0) @Max(1_000_000_000) @Schema(nullable = true, example = "100", description = "Units left; null: unlimited.")
        Integer stock,
        @Min(1) @Max(1_000_000) @Schema(nullable = true, example = "1",
                description = "Redemptions per customer per `limitPeriod` (cancelled ones do not count).") Integer limitPerCustomer,
        @Schema(example = "MONTH", description = "Default EVER.") LimitPeriod limitPeriod,
        @Valid @Schema(nullable = true) Eligibility eligibility,
        @Schema(nullable = true, description = "The coalition partner that offers the reward.") UUID partnerId,
        @Schema(example = "true", description = "Whether the points of a code that expires unused come back. Default true.")
        Boolean refundOnExpiry,
        @Schema(example = "GENERATED", description = "Default GENERATED.") CodeSource codeSource,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
        @Schema(nullable = true, example = "50.00") BigDecimal amount,
        @DecimalMin("1") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        @Schema(nullable = true, example = "10") BigDecimal percent,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
        @Schema(nullable = true, example = "200.00") BigDecimal maxDiscount,
        @Size(min = 1, max = 100) @Schema(nullable = true, example = "CHAI") String sku,
        @Size(min = 1, max = 200) @Schema(nullable = true, example = "Free screen repair") String subject,
        @Schema(nullable = true) Instant startsAt,
        @Size(max = 20) @Schema(nullable = true) Map<String, String> attributes) {

    /** Problems with the type's own fields, as (field, message) pairs. */
    List<String[]> problems() {
        List<String[]> p = new ArrayList<>();
        boolean needsAmount = type == RewardType.DISCOUNT_AMOUNT;
        boolean needsPercent = type == RewardType.DISCOUNT_PERCENT;
        boolean needsSku = type == RewardType.FREE_PRODUCT;
        boolean needsSubject = type == RewardType.SERVICE || type == RewardType.EXPERIENCE || type == RewardType.EARLY_ACCESS;
        boolean allowsStart = type == RewardType.EXPERIENCE || type == RewardType.EARLY_ACCESS;
        require(p, "amount", amount, needsAmount);
        require(p, "percent", percent, needsPercent);
        require(p, "sku", sku, needsSku);
        require(p, "subject", subject, needsSubject);
        if (maxDiscount != null && !needsPercent) {
            p.add(new String[]{"maxDiscount", "applies only to DISCOUNT_PERCENT rewards"});
        }
        if (type == RewardType.EARLY_ACCESS && startsAt == null) {
            p.add(new String[]{"startsAt", "is required for EARLY_ACCESS: when access to the launch opens"});
        } else if (startsAt != null && !allowsStart) {
            p.add(new String[]{"startsAt", "applies only to EXPERIENCE and EARLY_ACCESS rewards"});
        }
        if (type == RewardType.CUSTOM && (description == null || description.isBlank())) {
            p.add(new String[]{"description", "is required for CUSTOM rewards: say what the customer gets"});
        }
        if (attributes != null && !attributes.isEmpty() && type != RewardType.CUSTOM) {
            p.add(new String[]{"attributes", "apply only to CUSTOM rewards"});
        }
        if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
            p.add(new String[]{"validTo", "must be after validFrom"});
        }
        if (eligibility != null && eligibility.minLifetimePoints() != null && eligibility.minLifetimePoints() < 0) {
            p.add(new String[]{"eligibility.minLifetimePoints", "must not be negative"});
        }
        return p;
    }

    private void require(List<String[]> p, String field, Object value, boolean needed) {
        if (needed && value == null) {
            p.add(new String[]{field, "is required for " + type + " rewards"});
        } else if (!needed && value != null) {
            p.add(new String[]{field, "does not apply to " + type + " rewards"});
        }
    }
}
