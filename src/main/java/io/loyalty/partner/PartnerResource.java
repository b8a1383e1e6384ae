package io.loyalty.partner;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/partners")
@Tag(name = "Coalition partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerResource {
    static final String PROBLEM = "application/problem+json";

    private final PartnerService service;
    private final SettlementService settlements;
    private final SecurityIdentity identity;

    PartnerResource(PartnerService service, SettlementService settlements, SecurityIdentity identity) {
        this.service = service;
        this.settlements = settlements;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "createPartner", summary = "Add a partner to a coalition programme",
            description = """
                    A company that shares a points programme with others: points earned with one partner are spent \
                    with any. Give it PARTNER API keys (POST /api-keys with its `partnerId`): orders posted with them \
                    are its orders, earning in its programme only (at its `earnRate` when set), and it pays the operator \
                    for the points they issue at `issuancePrice`; points redeemed with it are reimbursed at \
                    `reimbursementRate`. See GET /partners/{id}/settlements.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PartnerRequest.class),
            examples = @ExampleObject(name = "fuel", summary = "A fuel retailer earning 2 points per rupee", value = """
                    {"programmeId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70", "name": "Shell fuel stations",
                     "externalId": "shell-in", "earnRate": 2, "issuancePrice": 1.25, "reimbursementRate": 0.75}""")))
    @APIResponse(responseCode = "201", description = "Created; `Location` points at the partner.",
            content = @Content(schema = @Schema(implementation = PartnerResponse.class)))
    @APIResponse(responseCode = "409", description = "The programme is closed, or the externalId is taken.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "programme-closed",
                            value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 is closed: it takes no partners"),
                    @ExampleObject(name = "duplicate-external-id", value = "A partner with externalId 'shell-in' already exists")}))
    @APIResponse(responseCode = "422", description = "The programme does not exist.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples =
                    @ExampleObject(name = "unknown-programme", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 does not exist")))
    public RestResponse<PartnerResponse> create(@NotNull @Valid PartnerRequest request, @Context UriInfo uriInfo) {
        PartnerResponse created = service.create(request);
        return RestResponse.ResponseBuilder.<PartnerResponse>created(
                uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PARTNER})
    @Operation(operationId = "getPartner", summary = "Get a partner",
            description = "One partner with its terms. A PARTNER key reads only its own partner.")
    @APIResponse(responseCode = "200", description = "The partner.")
    @APIResponse(responseCode = "404", description = "No such partner (or not the caller's).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PartnerResponse get(@PathParam("id") UUID id) {
        return service.get(id, Caller.of(identity));
    }

    @GET
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "listPartners", summary = "List partners",
            description = "Partners in creation order, optionally of one programme.")
    @APIResponse(responseCode = "200", description = "One page of partners.")
    public Page<PartnerResponse> list(@QueryParam("programmeId") UUID programmeId, @BeanParam PageParams page) {
        return service.list(programmeId, page.toRequest());
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.Names.ADMIN)
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updatePartner", summary = "Update a partner",
            description = "JSON Merge Patch. New prices, rates and earn rate apply from then on: settlement lines "
                    + "already recorded keep theirs, and a return or cancellation is priced as what it takes back was.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = PartnerPatch.class),
                    examples = @ExampleObject(name = "reprice", summary = "New prices from now on",
                            value = "{\"issuancePrice\": 1.15, \"reimbursementRate\": 0.85}")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerPatch.class),
                    examples = @ExampleObject(name = "programme-rules", summary = "Earn by the programme's rules",
                            value = "{\"earnRate\": null}"))})
    @APIResponse(responseCode = "200", description = "The updated partner.")
    @APIResponse(responseCode = "404", description = "No such partner.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A change of programme, or an externalId that is taken.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "partner-programme",
                            value = "The programme of a partner cannot change; create a new partner"),
                    @ExampleObject(name = "duplicate-external-id", value = "A partner with externalId 'shell-in' already exists")}))
    public PartnerResponse patch(@PathParam("id") UUID id, ObjectNode patch) {
        if (patch == null) {
            throw Problems.badRequest("A JSON object with the fields to change is required");
        }
        return service.patch(id, patch);
    }

    @GET
    @Path("{id}/settlements")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PARTNER})
    @Operation(operationId = "getPartnerStatement", summary = "A partner's settlement statement",
            description = """
                    Points issued on the partner's orders and redeemed with it, what it owes and is due, and the net, \
                    for the lines booked in [from, to). Once the period is closed (POST /settlements/closings) the \
                    statement never changes: later activity, even dated inside it, is booked in the next open period. \
                    A PARTNER key reads only its own.""")
    @APIResponse(responseCode = "200", description = "The statement.")
    @APIResponse(responseCode = "404", description = "No such partner (or not the caller's).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PartnerStatement statement(@PathParam("id") UUID id,
                                      @Parameter(required = true, example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
                                      @Parameter(required = true, example = "2026-12-01T00:00:00Z") @QueryParam("to") String to) {
        var period = SettlementResource.period(from, to);
        return settlements.statement(id, period[0], period[1], Caller.of(identity));
    }

    @GET
    @Path("{id}/settlements/lines")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PARTNER})
    @Operation(operationId = "listPartnerSettlementLines", summary = "The lines of a partner's statement",
            description = "Every line booked in [from, to) for the partner, in the order the ledger wrote them, each "
                    + "naming its ledger entry, order, return or redemption. A PARTNER key reads only its own.")
    @APIResponse(responseCode = "200", description = "One page of lines.")
    @APIResponse(responseCode = "404", description = "No such partner (or not the caller's).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<SettlementLineResponse> lines(@PathParam("id") UUID id,
                                              @Parameter(required = true, example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
                                              @Parameter(required = true, example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
                                              @QueryParam("kind") SettlementKind kind, @BeanParam PageParams page) {
        var period = SettlementResource.period(from, to);
        return settlements.lines(id, null, kind, period[0], period[1], page.toRequest(), Caller.of(identity));
    }
}
