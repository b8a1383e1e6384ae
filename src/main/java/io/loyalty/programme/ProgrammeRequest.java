package io.loyalty.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** A programme as the caller describes it: the body of a create and the document a PATCH is merged into. */
@Schema(name = "ProgrammeRequest")
public record ProgrammeRequest(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Chai Points") String name,
        @Schema(example = "CUMULATIVE", description = "Default CUMULATIVE.") ProgrammeKind kind,
        @Schema(example = "DRAFT", description = "Default DRAFT. DRAFT -> ACTIVE -> CLOSED; a closed programme stays closed.")
        ProgrammeStatus status,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as INR")
        @Schema(required = true, example = "INR") String currency,
        @DecimalMin("0") @Digits(integer = 13, fraction = 6)
        @Schema(example = "0.25", description = "Money value of one point, for liability and settlement. Default 0.")
        BigDecimal pointValue,
        @Schema(example = "AUTOMATIC", description = "Default AUTOMATIC.") Enrolment enrolment,
        @Size(max = 64) @Schema(example = "Asia/Kolkata", description = "IANA zone for caps and calendar expiry. Default UTC.")
        String timezone,
        @Min(0) @Max(365) @Schema(example = "14", description = "Days earned points stay pending (the return window). Default 0.")
        Integer pendingDays,
        @Valid @Schema(description = "Default NEVER.") ExpiryPolicy expiry,
        @Size(max = 50) List<EarningRule> rules,
        @Schema(nullable = true, description = "Optional tiers; absent: no tiers.") TierScheme tiers,
        @Schema(nullable = true, description = "Optional membership fee; absent: membership is free.") MembershipFee fee) {
}
