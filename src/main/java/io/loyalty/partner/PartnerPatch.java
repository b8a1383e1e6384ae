package io.loyalty.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The body of PATCH /partners/{id}, for the OpenAPI contract only: the resource merges it into a
 * {@link PartnerRequest}, which is then validated.
 */
@Schema(name = "PartnerPatch", description = "JSON Merge Patch of a partner: only the fields to change. The programme "
        + "cannot change. New prices and rates apply to settlement lines recorded from then on; lines already recorded "
        + "keep theirs.")
public record PartnerPatch(
        @Schema(description = "Must stay the partner's programme.") UUID programmeId,
        @Schema(maxLength = 200, example = "Shell India") String name,
        @Schema(nullable = true, maxLength = 100) String externalId,
        @Schema(nullable = true, example = "3", description = "`null`: the programme's rules apply.") BigDecimal earnRate,
        @Schema(example = "1.15") BigDecimal issuancePrice,
        @Schema(example = "0.85") BigDecimal reimbursementRate) {
}
