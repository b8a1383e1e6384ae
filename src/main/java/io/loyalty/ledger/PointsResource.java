package io.loyalty.ledger;

import io.loyalty.common.Idempotency;
import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.error.Problem;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.util.List;
import java.util.UUID;

@Path("/api/v1/customers/{id}/points")
@Tag(name = "Points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PointsResource {
    private static final String PROBLEM = "application/problem+json";

    private final PointsService service;
    private final SecurityIdentity identity;

    PointsResource(PointsService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "listPointsBalances", summary = "Get a customer's points balances",
            description = "Per programme: balance, available, pending, debt, lifetime totals and what expires within 30 days. "
                    + "The stored totals always equal the sum of the ledger.")
    @APIResponse(responseCode = "200", description = "One balance per programme.")
    @APIResponse(responseCode = "404", description = "No such customer or programme.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<BalanceResponse> balances(@PathParam("id") UUID customerId,
                                          @Parameter(description = "Only this programme.") @QueryParam("programmeId") UUID programmeId) {
        return service.balances(customerId, programmeId);
    }

    @GET
    @Path("ledger")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "listLedgerEntries", summary = "Read a customer's points ledger",
            description = "Every entry in the order written, with the lot each credit created and the lots each debit drew from.")
    @APIResponse(responseCode = "200", description = "One page of ledger entries.")
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<LedgerEntryResponse> ledger(@PathParam("id") UUID customerId,
                                            @QueryParam("programmeId") UUID programmeId, @BeanParam PageParams page) {
        return service.ledger(customerId, programmeId, page.toRequest());
    }

    @POST
    @Path("adjustments")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "adjustPoints", summary = "Adjust a customer's points",
            description = "A manual credit or debit with a mandatory reason, e.g. compensation after a complaint. Requires an "
                    + "`Idempotency-Key` header: the same key and body again answers 200 with the original entry; the same key "
                    + "with another body answers 409. A debit larger than the available points leaves a debt.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AdjustmentRequest.class),
            examples = @ExampleObject(name = "compensation", value = """
                    {"programmeId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70", "points": 250,
                     "reason": "Apology for the late delivery of order web-100245"}""")))
    @APIResponse(responseCode = "201", description = "The ledger entry written; `Location` points at the customer's ledger.",
            content = @Content(schema = @Schema(implementation = LedgerEntryResponse.class)))
    @APIResponse(responseCode = "200", description = "A replay: the entry written the first time.",
            content = @Content(schema = @Schema(implementation = LedgerEntryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such customer or programme.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different request.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "idempotency-key-reused", value = "Idempotency-Key 'adj-2026-11-22-0001' was already used for a different request")))
    public RestResponse<LedgerEntryResponse> adjust(
            @PathParam("id") UUID customerId,
            @Parameter(description = "Unique per adjustment, chosen by the caller.", required = true, example = "adj-2026-11-22-0001")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid AdjustmentRequest request, @Context UriInfo uriInfo) {
        Idempotency.Outcome<LedgerEntryResponse> outcome = service.adjust(customerId, request, idempotencyKey, Caller.of(identity));
        if (!outcome.firstTime()) {
            return RestResponse.ok(outcome.result());
        }
        // A ledger entry has no URL of its own; it is read in the customer's ledger.
        return RestResponse.ResponseBuilder.<LedgerEntryResponse>created(uriInfo.getBaseUriBuilder()
                .path("api/v1/customers").path(customerId.toString()).path("points/ledger").build()).entity(outcome.result()).build();
    }
}
