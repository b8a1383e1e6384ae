package io.loyalty.ledger;

import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problem;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1/programmes/{id}/expiry-runs")
@Tag(name = "Points")
@Produces(MediaType.APPLICATION_JSON)
public class ExpiryResource {

    private final ExpiryService service;
    private final SecurityIdentity identity;

    ExpiryResource(ExpiryService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "runPointsExpiry", summary = "Run points expiry now",
            description = "Expires every point of the programme that is due at `asOf` (default now; never in the future), "
                    + "exactly as the scheduled job does. Running it again expires nothing more.")
    @APIResponse(responseCode = "201", description = "What the run expired; `Location` points at the run.",
            content = @Content(schema = @Schema(implementation = ExpiryRunResponse.class)))
    @APIResponse(responseCode = "404", description = "No such programme.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RestResponse<ExpiryRunResponse> run(
            @PathParam("id") UUID programmeId,
            @Parameter(description = "ISO-8601 instant; default now.", example = "2026-11-22T00:00:00Z") @QueryParam("asOf") String asOf,
            @Context UriInfo uriInfo) {
        Instant at;
        try {
            at = asOf == null || asOf.isBlank() ? Timestamps.now() : OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw io.loyalty.common.error.Problems.invalidParameter("asOf", "must be an ISO-8601 timestamp with offset");
        }
        ExpiryRunResponse run = service.run(programmeId, at, Caller.of(identity).apiKeyId(), true);
        return RestResponse.ResponseBuilder.<ExpiryRunResponse>created(
                uriInfo.getAbsolutePathBuilder().path(run.id().toString()).build()).entity(run).build();
    }

    @GET
    @Path("{runId}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST})
    @Operation(operationId = "getExpiryRun", summary = "Get an expiry run", description = "What one run of the expiry job expired.")
    @APIResponse(responseCode = "200", description = "The run.")
    @APIResponse(responseCode = "404", description = "No such programme or run.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ExpiryRunResponse get(@PathParam("id") UUID programmeId, @PathParam("runId") UUID runId) {
        return service.get(programmeId, runId);
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST})
    @Operation(operationId = "listExpiryRuns", summary = "List expiry runs", description = "Past runs of the expiry job for the programme, oldest first.")
    @APIResponse(responseCode = "200", description = "One page of runs.")
    @APIResponse(responseCode = "404", description = "No such programme.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Page<ExpiryRunResponse> runs(@PathParam("id") UUID programmeId, @BeanParam PageParams page) {
        return service.runs(programmeId, page.toRequest());
    }
}
