package io.loyalty.reward;

import io.loyalty.common.Idempotency;
import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.Timestamps;
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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1/redemptions")
@Tag(name = "Redemptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RedemptionResource {
    private static final String PROBLEM = "application/problem+json";

    private final RedemptionWriter writer;
    private final RedemptionLifecycle lifecycle;
    private final RedemptionQueries queries;
    private final SecurityIdentity identity;

    RedemptionResource(RedemptionWriter writer, RedemptionLifecycle lifecycle, RedemptionQueries queries,
                       SecurityIdentity identity) {
        this.writer = writer;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER})
    @Operation(operationId = "redeemReward", summary = "Redeem a reward for points",
            description = "In one transaction: checks that the reward is offered, the customer is eligible and under the "
                    + "reward's limit, takes the points (oldest lots first, never below zero), takes one unit of stock and "
                    + "issues a code. Requires an `Idempotency-Key` header: the same key and body again answers 200 with the "
                    + "original redemption (also when both requests arrive at once); the same key with another body, 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RedemptionRequest.class),
            examples = @ExampleObject(name = "redeem", value = """
                    {"customerId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70", "rewardId": "0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b"}""")))
    @APIResponse(responseCode = "201", description = "Redeemed; `Location` points at the redemption. The body has the code, "
            + "the points spent and the new balance.", content = @Content(schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(responseCode = "200", description = "A replay of an Idempotency-Key: the original redemption.",
            content = @Content(schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(responseCode = "409", description = "Out of stock (`out-of-stock`), limit per customer reached "
            + "(`limit-reached`), programme not active, the customer was erased, or the Idempotency-Key was used for another request.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "out-of-stock", value = "Reward 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b is out of stock"),
                    @ExampleObject(name = "limit-reached", value = "The customer has already redeemed this reward 1 time(s) this month"),
                    @ExampleObject(name = "programme-not-active", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 is CLOSED: its rewards cannot be redeemed"),
                    @ExampleObject(name = "idempotency-key-reused", value = "Idempotency-Key 'checkout-8d2f-redeem-1' was already used for a different request"),
                    @ExampleObject(name = "customer-erased", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 was erased (right to erasure): it takes no new orders, memberships, redemptions, payments or referrals")}))
    @APIResponse(responseCode = "422", description = "Not enough points (`insufficient-points`), points owed "
            + "(`points-debt`), not eligible, not a member, reward not offered now, or unknown customer or reward.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "insufficient-points", value = "The reward costs 500 points; the customer has 320 available (180 more needed)"),
                    @ExampleObject(name = "points-debt", value = "The customer owes 120 points (reversed after they were spent); redemption is blocked until the debt is repaid"),
                    @ExampleObject(name = "not-eligible", value = "The customer may not redeem this reward: needs 2000 lifetime points earned, has 1200"),
                    @ExampleObject(name = "not-a-member", value = "The customer is not a member of programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70"),
                    @ExampleObject(name = "reward-unavailable", value = "Reward 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b is not offered now (INACTIVE, valid always)"),
                    @ExampleObject(name = "reward-not-redeemable", value = "Reward 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b costs no points: it is only granted (by an admin or a completed stamp card), never redeemed"),
                    @ExampleObject(name = "unknown-customer", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 does not exist"),
                    @ExampleObject(name = "unknown-reward", value = "Reward 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b does not exist")}))
    public RestResponse<RedemptionResponse> redeem(
            @Parameter(description = "Unique per redemption, chosen by the caller (e.g. the checkout session id).",
                    required = true, example = "checkout-8d2f-redeem-1") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid RedemptionRequest request, @Context UriInfo uriInfo) {
        Idempotency.Outcome<RedemptionResponse> outcome = writer.redeem(request, idempotencyKey, Caller.of(identity));
        return created(outcome, uriInfo.getAbsolutePathBuilder().path(outcome.result().id().toString()).build());
    }

    static RestResponse<RedemptionResponse> created(Idempotency.Outcome<RedemptionResponse> outcome, java.net.URI location) {
        return RestResponse.ResponseBuilder.<RedemptionResponse>create(
                        outcome.firstTime() ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .location(location).entity(outcome.result()).build();
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "listRedemptions", summary = "Find redemptions, or validate a code at checkout",
            description = "With `code` (case-insensitive): the redemption with that code, if any, whose `usableNow` says "
                    + "whether checkout may accept it and `notUsableBecause` why not. An unknown code gives an empty list. "
                    + "Also filters by customer and status. PARTNER keys see only redemptions made with their partner.")
    @APIResponse(responseCode = "200", description = "One page of redemptions.")
    public Page<RedemptionResponse> list(
            @Parameter(example = "K7QH-M3XR-9TWD-PB4N") @QueryParam("code") String code,
            @QueryParam("customerId") UUID customerId, @QueryParam("status") RedemptionStatus status,
            @BeanParam PageParams page) {
        return queries.list(code, customerId, status, page.toRequest(), Caller.of(identity));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "getRedemption", summary = "Get a redemption", description = "The redemption with its code, status and every transition.")
    @APIResponse(responseCode = "200", description = "The redemption.")
    @APIResponse(responseCode = "404", description = "No such redemption.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RedemptionResponse get(@PathParam("id") UUID id) {
        return queries.get(id, Caller.of(identity));
    }

    @POST
    @Path("{id}/use")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER})
    @Operation(operationId = "useRedemption", summary = "Mark a code as used on an order",
            description = "ISSUED -> USED. Repeating it with the same order answers 200 with the same result; another order, "
                    + "a cancelled or an expired code answers 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UseRequest.class),
            examples = @ExampleObject(name = "use", value = "{\"orderExternalId\": \"web-100234\"}")))
    @APIResponse(responseCode = "200", description = "The redemption, now USED.")
    @APIResponse(responseCode = "404", description = "No such redemption.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already used on another order, cancelled or expired.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "redemption-used", value = "Code K7QH-M3XR-9TWD-PB4N was already used on order web-100199"),
                    @ExampleObject(name = "redemption-cancelled", value = "Code K7QH-M3XR-9TWD-PB4N was cancelled"),
                    @ExampleObject(name = "redemption-expired", value = "Code K7QH-M3XR-9TWD-PB4N expired at 2026-11-20T00:00:00Z")}))
    @APIResponse(responseCode = "422", description = "The order does not exist or belongs to another customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown-order", value = "Order 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 does not exist"),
                    @ExampleObject(name = "order-customer", value = "Order 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 belongs to another customer than the redemption")}))
    public RedemptionResponse use(@PathParam("id") UUID id, @NotNull @Valid UseRequest request) {
        return lifecycle.use(id, request, Caller.of(identity));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER})
    @Operation(operationId = "cancelRedemption", summary = "Cancel an unused redemption",
            description = "ISSUED -> CANCELLED: the points come back with their original expiry dates (points whose expiry "
                    + "has passed meanwhile are forfeited, as they would have expired unspent) and the unit of stock comes "
                    + "back. Cancelling again answers 200 with the same result; a used or expired code answers 409.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CancelRequest.class),
            examples = @ExampleObject(name = "cancel", value = "{\"reason\": \"Customer removed the reward at checkout\"}")))
    @APIResponse(responseCode = "200", description = "The redemption, now CANCELLED.")
    @APIResponse(responseCode = "404", description = "No such redemption.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already used or expired.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "redemption-used", value = "Code K7QH-M3XR-9TWD-PB4N was used on order web-100199; a used redemption cannot be cancelled"),
                    @ExampleObject(name = "redemption-expired", value = "Code K7QH-M3XR-9TWD-PB4N has expired")}))
    public RedemptionResponse cancel(@PathParam("id") UUID id, @Valid CancelRequest request) {
        return lifecycle.cancel(id, request, Caller.of(identity));
    }

    @Schema(name = "RedemptionExpiryRun")
    public record ExpiryRunResponse(
            @Schema(required = true) Instant asOf,
            @Schema(required = true, example = "12") int expired,
            @Schema(required = true, example = "3600") long pointsRefunded,
            @Schema(required = true, example = "0") long pointsForfeited) {
    }

    @POST
    @Path("expiry-runs")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "runRedemptionExpiry", summary = "Expire unused codes now",
            description = "Marks ISSUED redemptions whose code expired by `asOf` (default now) as EXPIRED, giving their "
                    + "points back when the reward says so and their stock back. The scheduled job does the same every "
                    + "`loyalty.expiry.every`; running it again, or on several instances at once, expires nothing twice.")
    @APIResponse(responseCode = "200", description = "What this run expired.")
    @APIResponse(responseCode = "400", description = "`asOf` is not an ISO-8601 instant or is in the future.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ExpiryRunResponse expire(
            @Parameter(description = "ISO-8601 instant with offset; default now.", example = "2026-11-22T00:00:00Z")
            @QueryParam("asOf") String asOf) {
        Instant at;
        try {
            at = asOf == null || asOf.isBlank() ? Timestamps.now() : OffsetDateTime.parse(asOf.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter("asOf", "must be an ISO-8601 instant with offset, e.g. 2026-11-22T00:00:00Z");
        }
        RedemptionLifecycle.ExpiryRun run = lifecycle.expire(at, Caller.of(identity).apiKeyId());
        return new ExpiryRunResponse(run.asOf(), run.expired(), run.pointsRefunded(), run.pointsForfeited());
    }
}
