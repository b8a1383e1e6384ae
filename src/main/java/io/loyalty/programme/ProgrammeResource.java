package io.loyalty.programme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/programmes")
@Tag(name = "Programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeResource {
    static final String EXAMPLE = """
            {"name": "Chai Points", "kind": "CUMULATIVE", "status": "ACTIVE", "currency": "INR", "pointValue": 0.25,
             "enrolment": "AUTOMATIC", "timezone": "Asia/Kolkata", "pendingDays": 14,
             "expiry": {"type": "END_OF_PERIOD", "period": "YEAR", "periods": 1},
             "rules": [
               {"id": "spend", "type": "SPEND", "pointsPerUnit": 0.1, "minOrderAmount": 100},
               {"id": "snacks-x2", "type": "MULTIPLIER", "categories": ["snacks"], "multiplier": 2, "capPerDay": 200},
               {"id": "chai-card", "type": "STAMP", "stampsRequired": 10, "per": "UNIT", "skus": ["CHAI"], "reward": "The eleventh chai is free"},
               {"id": "birthday", "type": "EVENT", "event": "birthday", "points": 100, "limitPerCustomer": 1}]}""";

    private final ProgrammeService service;

    ProgrammeResource(ProgrammeService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "createProgramme", summary = "Create a programme",
            description = "Creates a loyalty programme with its earning rules and expiry policy. It starts as DRAFT "
                    + "unless `status` says otherwise; only ACTIVE programmes earn. A NATURAL programme has no rules.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProgrammeRequest.class),
            examples = {
                    @ExampleObject(name = "points-and-stamps", summary = "Points, a category bonus, a stamp card, a birthday gift", value = EXAMPLE),
                    @ExampleObject(name = "natural", summary = "No programme, measured only",
                            value = "{\"name\": \"Everyone\", \"kind\": \"NATURAL\", \"status\": \"ACTIVE\", \"currency\": \"INR\"}")}))
    @APIResponse(responseCode = "201", description = "Created; `Location` points at the programme.",
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    public RestResponse<ProgrammeResponse> create(@NotNull @Valid ProgrammeRequest request, @Context UriInfo uriInfo) {
        ProgrammeResponse created = service.create(request);
        return RestResponse.ResponseBuilder.<ProgrammeResponse>created(
                uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "getProgramme", summary = "Get a programme", description = "One programme with its rules and expiry policy.")
    @APIResponse(responseCode = "200", description = "The programme.")
    @APIResponse(responseCode = "404", description = "No such programme.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ProgrammeResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "listProgrammes", summary = "List programmes", description = "Programmes in creation order, optionally only those with a status.")
    @APIResponse(responseCode = "200", description = "One page of programmes.")
    public Page<ProgrammeResponse> list(@QueryParam("status") ProgrammeStatus status, @BeanParam PageParams page) {
        return service.list(status, page.toRequest());
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.Names.ADMIN)
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateProgramme", summary = "Update a programme",
            description = "JSON Merge Patch. `rules`, when sent, replaces the whole list (keep a rule's `id` to keep its "
                    + "cap counters). Status moves DRAFT -> ACTIVE -> CLOSED only. Changes to rules and expiry apply to "
                    + "points earned from then on. `null` puts a field with a default back to its default.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = ProgrammePatch.class),
                    examples = @ExampleObject(name = "activate", summary = "Start earning",
                            value = "{\"status\": \"ACTIVE\"}")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammePatch.class),
                    examples = @ExampleObject(name = "return-window", summary = "A longer return window, default expiry",
                            value = "{\"pendingDays\": 30, \"expiry\": null}"))})
    @APIResponse(responseCode = "200", description = "The updated programme.")
    @APIResponse(responseCode = "404", description = "No such programme.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A status or currency change that is not allowed.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "programme-closed", value = "A CLOSED programme cannot be reopened"),
                    @ExampleObject(name = "programme-active", value = "An ACTIVE programme cannot go back to DRAFT; close it instead"),
                    @ExampleObject(name = "programme-currency",
                            value = "The currency of a programme that has been active cannot change")}))
    public ProgrammeResponse patch(@PathParam("id") UUID id, ObjectNode patch) {
        if (patch == null) {
            throw Problems.badRequest("A JSON object with the fields to change is required");
        }
        return service.patch(id, patch);
    }
}
