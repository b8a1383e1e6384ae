package io.loyalty.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The body of PATCH /customers/{id}, for the OpenAPI contract only: the resource reads an ObjectNode and
 * {@link io.loyalty.common.MergePatch} merges it into a {@link CustomerRequest}, which is then validated.
 */
@Schema(name = "CustomerPatch", description = "JSON Merge Patch of a customer: only the fields to change; `null` clears "
        + "a field. The customer must keep an externalId or an email. Constraints are those of CustomerRequest.")
public record CustomerPatch(
        @Schema(nullable = true, maxLength = 100, example = "shop-customer-1042",
                description = "The customer's id in the caller's system; unique.") String externalId,
        @Schema(nullable = true, maxLength = 254, format = "email", example = "asha.patil@example.com",
                description = "Unique regardless of case.") String email,
        @Schema(nullable = true, maxLength = 100, example = "Asha") String firstName,
        @Schema(nullable = true, maxLength = 100, example = "Patil") String lastName,
        @Schema(nullable = true, example = "+91 98765 43210") String phone,
        @Schema(nullable = true, format = "date", example = "1990-04-17") LocalDate birthDate,
        @Schema(nullable = true, example = "false", description = "`null` means false.") Boolean marketingConsent) {
}
