package io.loyalty.partner;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

@Schema(name = "PartnerRequest", description = "A company joining a coalition programme, and the prices it settles at.")
public record PartnerRequest(
        @NotNull @Schema(required = true, description = "The coalition programme (a points programme) the partner joins.")
        UUID programmeId,
        @NotBlank @Size(max = 200)
        @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must not contain control characters")
        @Schema(required = true, example = "Shell fuel stations") String name,
        @Size(min = 1, max = 100)
        @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must not contain control characters")
        @Schema(nullable = true, example = "shell-in", description = "Your own id of the partner, unique.") String externalId,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 6)
        @Schema(nullable = true, example = "2", minimum = "0", exclusiveMinimum = true, maximum = "1000",
                description = "Points per currency unit of eligible spend on the partner's orders, replacing the programme's "
                        + "SPEND rules for them (the programme's multipliers, stamps and events still apply). "
                        + "`null`: the programme's rules apply unchanged.")
        BigDecimal earnRate,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 6)
        @Schema(required = true, example = "1.25", minimum = "0", maximum = "100",
                description = "What the partner pays the operator per currency unit of point value it issues: it owes "
                        + "points x the programme's pointValue x issuancePrice.")
        BigDecimal issuancePrice,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 6)
        @Schema(required = true, example = "0.75", minimum = "0", maximum = "100",
                description = "What the operator pays the partner per currency unit of point value redeemed with it: it "
                        + "is due points x pointValue x reimbursementRate.")
        BigDecimal reimbursementRate) {
}
