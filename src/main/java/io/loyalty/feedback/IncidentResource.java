package io.loyalty.feedback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/incidents")
@Tag(name = "Feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {
    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final IncidentService service;
    private final SecurityIdentity identity;

    IncidentResource(IncidentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "listIncidents", summary = "List incidents",
            description = "Incidents in the order they were opened, optionally in one status or of one customer. "
                    + "`status=OPEN` is the queue of bad experiences nobody has taken up yet.")
    @APIResponse(responseCode = "200", description = "One page of incidents.")
    public Page<IncidentResponse> list(@QueryParam("status") IncidentStatus status,
                                       @QueryParam("customerId") UUID customerId, @BeanParam PageParams page) {
        return service.list(status, customerId, page.toRequest());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "getIncident", summary = "Get an incident", description = "One incident with its history.")
    @APIResponse(responseCode = "200", description = "The incident.")
    @APIResponse(responseCode = "404", description = "No such incident.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public IncidentResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "updateIncident", summary = "Acknowledge an incident or change its notes",
            description = "JSON Merge Patch of `status` (only `ACKNOWLEDGED`: someone took it up) and `notes` (`null` "
                    + "clears them). Each change is recorded in the history with the API key that made it. Resolving is "
                    + "`POST /incidents/{id}/resolve`.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = IncidentPatch.class), examples =
    @ExampleObject(name = "acknowledge", summary = "Take it up", value = """
            {"status": "ACKNOWLEDGED", "notes": "Called the customer; the courier lost the parcel"}""")))
    @APIResponse(responseCode = "200", description = "The incident.")
    @APIResponse(responseCode = "404", description = "No such incident.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The incident is resolved.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples =
            @ExampleObject(name = "incident-resolved", value = "Incident 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 is resolved; it can no longer change")))
    public IncidentResponse patch(@PathParam("id") UUID id, ObjectNode patch) {
        if (patch == null) {
            throw Problems.badRequest("A JSON object with the fields to change is required");
        }
        return service.patch(id, patch, Caller.of(identity));
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "resolveIncident", summary = "Resolve an incident, optionally with compensation",
            description = "Marks the incident RESOLVED and gives the compensation, if any: bonus points (a ledger ADJUST "
                    + "with reason `compensation`, its id kept on the incident) and/or a granted reward. Once resolved, "
                    + "promotions to the customer resume (unless another incident is open). Idempotent: resolving a "
                    + "resolved incident answers it as it is and gives nothing again, also when resolves race.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ResolveRequest.class), examples = {
            @ExampleObject(name = "points", summary = "Apologise with 250 points", value = """
                    {"resolution": "Parcel re-sent", "compensation": {"programmeId": "0193a1f4-1111-7c40-b7a5-0d9c1e2f3a4b", "points": 250}}"""),
            @ExampleObject(name = "plain", summary = "Resolve without compensation", value = "{\"resolution\": \"Explained the delay\"}")}))
    @APIResponse(responseCode = "200", description = "The resolved incident.")
    @APIResponse(responseCode = "404", description = "No such incident.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The compensation's programme is closed, or the reward is out of stock.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "programme-closed", value = "Programme 0193a1f4-1111-7c40-b7a5-0d9c1e2f3a4b is closed"),
                    @ExampleObject(name = "out-of-stock", value = "Reward 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b is out of stock")}))
    @APIResponse(responseCode = "422", description = "The compensation names an unknown programme or reward.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown-programme", value = "Programme 0193a1f4-1111-7c40-b7a5-0d9c1e2f3a4b does not exist"),
                    @ExampleObject(name = "unknown-reward", value = "Reward 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b does not exist")}))
    public IncidentResponse resolve(@PathParam("id") UUID id, @Valid ResolveRequest request) {
        return service.resolve(id, request, Caller.of(identity)).incident();
    }
}
