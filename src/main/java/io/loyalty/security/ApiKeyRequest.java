package io.loyalty.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "ApiKeyRequest", description = "A new API client.")
public record ApiKeyRequest(
        @NotBlank @Size(max = 100)
        // One pattern, so the contract keeps saying "not blank" and now also "no control characters" (a NUL).
        @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*[^\\x00-\\x20\\x7F][^\\x00-\\x1F\\x7F]*$",
                message = "must have a visible character and no control characters")
        @Schema(required = true, example = "Main web storefront", description = "Who uses the key, for humans.")
        String name,
        @NotNull
        @Schema(required = true, example = "STOREFRONT")
        Role role,
        @Schema(description = "The coalition partner the key acts for; required for PARTNER keys and only for them.",
                example = "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70", nullable = true)
        UUID partnerId) {
}
