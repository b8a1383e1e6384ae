package io.loyalty.tier;

import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1/programmes/{id}/tier-reviews")
@Tag(name = "Tiers and paid membership")
@Produces(MediaType.APPLICATION_JSON)
public class TierReviewResource {
    private final TierReviewService service;

    TierReviewResource(TierReviewService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "runTierReview", summary = "Run the tier review now",
            description = "Does what the scheduled job (`loyalty.tiers.every`) does, as of `asOf` (default now; never in the "
                    + "future): every review and grace period due by then is decided under the programme's downgrade "
                    + "policy, and pins ending by then end. Running it again for the same instant does nothing more.")
    @APIResponse(responseCode = "200", description = "What the run did.",
            content = @Content(schema = @Schema(implementation = TierReviewResponse.class)))
    @APIResponse(responseCode = "404", description = "No such programme.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The programme has no tiers.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no-tiers", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 has no tiers")))
    public TierReviewResponse run(@PathParam("id") UUID programmeId,
                                  @Parameter(description = "ISO-8601 instant; default now.", example = "2027-01-01T00:00:00+05:30")
                                  @QueryParam("asOf") String asOf) {
        Instant at;
        try {
            at = asOf == null || asOf.isBlank() ? Timestamps.now() : OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter("asOf", "must be an ISO-8601 timestamp with offset");
        }
        return service.run(programmeId, at, true);
    }
}
