package io.loyalty.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Customer")
public record CustomerResponse(
        @Schema(required = true, example = "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70") UUID id,
        @Schema(nullable = true, example = "shop-customer-1042") String externalId,
        @Schema(nullable = true, example = "asha.patil@example.com") String email,
        @Schema(nullable = true, example = "Asha") String firstName,
        @Schema(nullable = true, example = "Patil") String lastName,
        @Schema(nullable = true, example = "+91 98765 43210") String phone,
        @Schema(nullable = true, example = "1990-04-17", format = "date") LocalDate birthDate,
        @Schema(required = true, example = "true") boolean marketingConsent,
        @Schema(required = true, example = "2026-11-22T09:00:00Z") Instant createdAt,
        @Schema(required = true, example = "2026-11-22T09:00:00Z") Instant updatedAt,
        @Schema(nullable = true, example = "2026-11-27T15:30:00Z", description = "When the customer was erased "
                + "(POST /customers/{id}/erasure): every personal field is null from then on, and the customer takes no "
                + "new orders, memberships, redemptions or referrals. Null for a customer who was not erased.")
        Instant erasedAt) {

    static CustomerResponse from(Customer c) {
        return new CustomerResponse(c.id, c.externalId, c.email, c.firstName, c.lastName, c.phone, c.birthDate,
                c.marketingConsent, c.createdAt, c.updatedAt, c.erasedAt);
    }
}
