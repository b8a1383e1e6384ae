package io.loyalty.reward;

import io.loyalty.common.Idempotency;
import io.loyalty.common.error.Problem;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** The catalogue from one customer's point of view, and rewards given to them without points. */
@Path("/api/v1/customers/{id}")
@Tag(name = "Rewards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerRewardResource {
    private static final String PROBLEM = "application/problem+json";

    private final CustomerRewardService customerRewards;
    private final RedemptionIssuer issuer;
    private final SecurityIdentity identity;

    CustomerRewardResource(CustomerRewardService customerRewards, RedemptionIssuer issuer, SecurityIdentity identity) {
        this.customerRewards = customerRewards;
        this.issuer = issuer;
        this.identity = identity;
    }

    @GET
    @Path("rewards")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "listCustomerRewards", summary = "What a customer can redeem",
            description = "Every reward offered now in the programmes the customer belongs to: first those redeemable now, "
                    + "then the others by points still needed. Each says what blocks it (points, debt, stock, limit, "
                    + "eligibility). The whole list, not paginated: a catalogue is small. A PARTNER key does not see "
                    + "other partners' rewards. Empty while promotions to the customer are suppressed (an unresolved "
                    + "incident, see the loyalty account): nothing is suggested before a bad experience is repaired; "
                    + "redeeming on request still works.")
    @APIResponse(responseCode = "200", description = "The customer's view of the catalogue.")
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<CustomerReward> rewards(@PathParam("id") UUID customerId,
                                        @Parameter(description = "Only this programme.") @QueryParam("programmeId") UUID programmeId) {
        return customerRewards.forCustomer(customerId, programmeId, Caller.of(identity));
    }

    @POST
    @Path("grants")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "grantReward", summary = "Give a customer a reward",
            description = "Issues a reward without points and without eligibility or limit checks, with a reason: the "
                    + "pleasant surprise for the best customers, or the apology after a bad experience. Takes a unit of "
                    + "stock when the reward has one. Requires an `Idempotency-Key` header.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = GrantRequest.class),
            examples = @ExampleObject(name = "apology", value = """
                    {"rewardId": "0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b", "reason": "Sorry about the late delivery of order web-4411"}""")))
    @APIResponse(responseCode = "201", description = "Granted; `Location` points at the redemption.",
            content = @Content(schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(responseCode = "200", description = "A replay of an Idempotency-Key: the original grant.",
            content = @Content(schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Out of stock, programme closed, the customer was erased, or the "
            + "Idempotency-Key was used for another request.", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
            examples = {
                    @ExampleObject(name = "out-of-stock", value = "Reward 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b is out of stock"),
                    @ExampleObject(name = "programme-closed", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 is closed"),
                    @ExampleObject(name = "idempotency-key-reused", value = "Idempotency-Key 'apology-web-4411' was already used for a different request"),
                    @ExampleObject(name = "customer-erased", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 was erased (right to erasure): it takes no new orders, memberships, redemptions, payments or referrals")}))
    @APIResponse(responseCode = "422", description = "Unknown reward, or the customer is not a member of its OPT_IN programme.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown-reward", value = "Reward 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b does not exist"),
                    @ExampleObject(name = "not-a-member", value = "The customer is not a member of programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70")}))
    public RestResponse<RedemptionResponse> grant(
            @PathParam("id") UUID customerId,
            @Parameter(description = "Unique per grant, chosen by the caller.", required = true, example = "apology-web-4411")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid GrantRequest request, @Context UriInfo uriInfo) {
        Idempotency.Outcome<RedemptionResponse> outcome = issuer.grant(customerId, request, idempotencyKey, Caller.of(identity));
        return RedemptionResource.created(outcome, uriInfo.getBaseUriBuilder()
                .path("api/v1/redemptions").path(outcome.result().id().toString()).build());
    }
}
