package io.loyalty.programme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of PATCH /programmes/{id}, for the OpenAPI contract only: the resource reads an ObjectNode and
 * {@link io.loyalty.common.MergePatch} merges it into a {@link ProgrammeRequest}, which is then validated. Fields
 * a programme must have (name, currency) and those whose default would be refused (kind, status) are not nullable.
 */
@Schema(name = "ProgrammePatch", description = "JSON Merge Patch of a programme: only the fields to change. `null` puts "
        + "a field back to its default; `rules`, when sent, replaces the whole list. Constraints are those of ProgrammeRequest.")
public record ProgrammePatch(
        @Schema(maxLength = 200, example = "Chai Points") String name,
        @Schema(description = "A NATURAL programme must have no rules.") ProgrammeKind kind,
        @Schema(example = "ACTIVE", description = "DRAFT -> ACTIVE -> CLOSED only.") ProgrammeStatus status,
        @Schema(pattern = "[A-Z]{3}", example = "INR", description = "Can change only while the programme is DRAFT.")
        String currency,
        @Schema(nullable = true, example = "0.25", description = "`null`: 0.") BigDecimal pointValue,
        @Schema(nullable = true, description = "`null`: AUTOMATIC.") Enrolment enrolment,
        @Schema(nullable = true, maxLength = 64, example = "Asia/Kolkata", description = "`null`: UTC.") String timezone,
        @Schema(nullable = true, minimum = "0", maximum = "365", example = "30", description = "`null`: 0.") Integer pendingDays,
        @Schema(nullable = true, description = "`null`: NEVER.") ExpiryPolicy expiry,
        @Schema(nullable = true, maxItems = 50, description = "The whole new list; `null`: no rules.") List<EarningRule> rules,
        @Schema(nullable = true, description = "The whole new tier scheme; `null`: no tiers. Members keep the tier "
                + "history; a tier name that no longer exists counts as no tier.") TierScheme tiers,
        @Schema(nullable = true, description = "`null`: membership is free. Payments already made keep their periods.")
        MembershipFee fee) {
}
