package io.loyalty.tier;

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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/programmes/{id}/members/{customerId}")
@Tag(name = "Tiers and paid membership")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberStatusResource {
    private static final String PROBLEM = "application/problem+json";

    private final MemberStatusService service;
    private final PaymentService payments;
    private final SecurityIdentity identity;

    MemberStatusResource(MemberStatusService service, PaymentService payments, SecurityIdentity identity) {
        this.service = service;
        this.payments = payments;
        this.identity = identity;
    }

    @GET
    @Path("status")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "getMemberStatus", summary = "Get a member's tier and paid membership",
            description = "The tier held (earned or pinned), progress to the next tier, what keeps the current one at its "
                    + "review, the paid membership, and the benefits and earn multiplier that apply now. Storefronts read "
                    + "`benefits` (free_shipping, lounge_access, ...) and apply them.")
    @APIResponse(responseCode = "200", description = "The status.")
    @APIResponse(responseCode = "404", description = "No such programme or customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public MemberStatusResponse status(@PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId) {
        return service.status(programmeId, customerId);
    }

    @GET
    @Path("tier-history")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "listTierHistory", summary = "List a member's tier changes",
            description = "Every change of the member's tier, oldest first: from, to, reason, when, and the order behind it.")
    @APIResponse(responseCode = "200", description = "One page of changes.")
    @APIResponse(responseCode = "404", description = "No such programme or customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<TierChangeResponse> history(@PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId,
                                            @BeanParam PageParams page) {
        return service.history(programmeId, customerId, page.toRequest());
    }

    @PUT
    @Path("tier-pin")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "pinTier", summary = "Pin a member to a tier",
            description = "Holds the member at a tier, up or down, with a reason, until a date; qualification goes on "
                    + "underneath and applies again when the pin ends (the review job records PIN_ENDED). Pinning again "
                    + "replaces the pin.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PinRequest.class),
            examples = @ExampleObject(name = "pin", value = """
                    {"tier": "Gold", "reason": "Service recovery after lost luggage", "until": "2027-03-31T23:59:59+05:30"}""")))
    @APIResponse(responseCode = "200", description = "The member's status with the pin.",
            content = @Content(schema = @Schema(implementation = MemberStatusResponse.class)))
    @APIResponse(responseCode = "404", description = "No such programme or customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The programme has no tiers, or the customer has not joined it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "no-tiers", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 has no tiers"),
                    @ExampleObject(name = "not-a-member", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71 has not "
                            + "joined programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70")}))
    public MemberStatusResponse pin(@PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId,
                                    @NotNull @Valid PinRequest request) {
        return service.pin(programmeId, customerId, request, Caller.of(identity).apiKeyId());
    }

    @DELETE
    @Path("tier-pin")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "unpinTier", summary = "Remove a member's tier pin",
            description = "The earned tier applies again at once. Harmless when there is no pin.")
    @APIResponse(responseCode = "204", description = "No pin any more.")
    @APIResponse(responseCode = "404", description = "No such programme or customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The programme has no tiers, or the customer has not joined it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "no-tiers", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 has no tiers"),
                    @ExampleObject(name = "not-a-member", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71 has not "
                            + "joined programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70")}))
    public void unpin(@PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId) {
        service.unpin(programmeId, customerId, Caller.of(identity).apiKeyId());
    }

    @POST
    @Path("cancellation")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "cancelPaidMembership", summary = "Cancel a paid membership",
            description = "Paid benefits and multipliers stop at `effectiveAt` (default: the end of the paid period, i.e. "
                    + "no renewal); points, ledger and tier stay. No money moves: refund a payment for that. A later "
                    + "payment renews and withdraws the cancellation. Cancelling again moves the date.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CancellationRequest.class),
            examples = @ExampleObject(name = "at-period-end", value = "{\"reason\": \"Moving abroad\"}")))
    @APIResponse(responseCode = "200", description = "The member's status with the cancellation.",
            content = @Content(schema = @Schema(implementation = MemberStatusResponse.class)))
    @APIResponse(responseCode = "404", description = "No such programme or customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The programme has no fee, or the customer has not joined it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "no-membership-fee",
                            value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 has no membership fee"),
                    @ExampleObject(name = "not-a-member", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71 has not "
                            + "joined programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70")}))
    public MemberStatusResponse cancel(@PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId,
                                       @NotNull @Valid CancellationRequest request) {
        return payments.cancel(programmeId, customerId, request);
    }
}
