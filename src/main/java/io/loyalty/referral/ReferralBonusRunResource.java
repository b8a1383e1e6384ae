package io.loyalty.referral;

import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

@Path("/api/v1/referral-bonus-runs")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralBonusRunResource {
    private final ReferralBonusService service;

    ReferralBonusRunResource(ReferralBonusService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "runReferralBonuses", summary = "Pay due referral bonuses now",
            description = "Settles every pending referral as of `asOf` (default now; never in the future), exactly as the "
                    + "scheduled job does. Running it again pays nothing twice.")
    @APIResponse(responseCode = "200", description = "What the run did.")
    public BonusRunResponse run(@Parameter(description = "ISO-8601 instant; default now.", example = "2026-11-22T00:00:00Z")
                                @QueryParam("asOf") String asOf) {
        Instant at;
        try {
            at = asOf == null || asOf.isBlank() ? Timestamps.now() : OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter("asOf", "must be an ISO-8601 timestamp with offset");
        }
        return service.run(at);
    }
}
