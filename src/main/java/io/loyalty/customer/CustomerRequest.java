package io.loyalty.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A customer as the caller describes it: the body of a create, and the document a PATCH is merged
 * into before it is validated again.
 */
@Schema(name = "CustomerRequest", description = "A customer. At least one of externalId and email is required.")
public record CustomerRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = "^\\S(.*\\S)?$", message = "must not start or end with whitespace")
        @Schema(example = "shop-customer-1042", description = "The customer's id in the caller's system; unique.")
        String externalId,
        @Email @Size(max = 254)
        @Schema(example = "asha.patil@example.com", description = "Unique regardless of case.")
        String email,
        @Size(max = 100) @Schema(example = "Asha") String firstName,
        @Size(max = 100) @Schema(example = "Patil") String lastName,
        @Pattern(regexp = "^\\+?[0-9][0-9 ()-]{3,30}$", message = "must be a phone number such as +91 98765 43210")
        @Schema(example = "+91 98765 43210") String phone,
        @Past @Schema(example = "1990-04-17", format = "date") LocalDate birthDate,
        @Schema(example = "true", description = "Whether the customer agreed to marketing messages; default false.")
        Boolean marketingConsent,
        @Size(min = 4, max = 32) @Pattern(regexp = "^[A-Za-z0-9-]+$", message = "must be letters, digits and '-'")
        @Schema(nullable = true, example = "ASHA7K2Q", description = "The referral code of the customer who recommended "
                + "this one; only when the customer is created. An existing customer named again (guest checkout) "
                + "keeps their referrer, if any, and the code is ignored.")
        String referralCode) {

    public CustomerRequest(String externalId, String email, String firstName, String lastName, String phone,
                           LocalDate birthDate, Boolean marketingConsent) {
        this(externalId, email, firstName, lastName, phone, birthDate, marketingConsent, null);
    }
}
