package io.loyalty.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "Partner")
public record PartnerResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID programmeId,
        @Schema(required = true, example = "Shell fuel stations") String name,
        @Schema(nullable = true, example = "shell-in") String externalId,
        @Schema(nullable = true, example = "2") BigDecimal earnRate,
        @Schema(required = true, example = "1.25") BigDecimal issuancePrice,
        @Schema(required = true, example = "0.75") BigDecimal reimbursementRate,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static PartnerResponse from(Partner p) {
        return new PartnerResponse(p.id, p.programmeId, p.name, p.externalId, p.earnRate, p.issuancePrice,
                p.reimbursementRate, p.createdAt, p.updatedAt);
    }
}
