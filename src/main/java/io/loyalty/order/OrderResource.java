package io.loyalty.order;

import io.loyalty.common.Idempotency;
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

@Path("/api/v1/orders")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {
    private static final String PROBLEM = "application/problem+json";

    private final OrderService service;
    private final ReturnService returns;
    private final SecurityIdentity identity;

    OrderResource(OrderService service, ReturnService returns, SecurityIdentity identity) {
        this.service = service;
        this.returns = returns;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER})
    @Operation(operationId = "createOrder", summary = "Post an order (and earn)",
            description = """
                    Stores the order and, in the same transaction, applies every earning rule of every ACTIVE programme \
                    the customer belongs to: points go to the ledger, stamps to the stamp cards. The answer lists what \
                    was earned per programme. An order posted with a PARTNER key is the partner's: it earns only in the \
                    partner's coalition programme (at the partner's earn rate when it has one) and the partner pays for \
                    the points it issues (see settlements). Idempotent per `externalId`: the same body again answers 200 with the \
                    original result and changes nothing; a different body answers 409. `accrue: false` stores a past \
                    order for history and metrics without earning.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OrderRequest.class),
            examples = @ExampleObject(name = "checkout", value = """
                    {"externalId": "web-100245", "customerExternalId": "demo-0001", "placedAt": "2026-11-22T10:15:00+05:30",
                     "currency": "INR", "discount": 20.00, "shipping": 40.00, "total": 480.00,
                     "lines": [{"sku": "CHAI", "name": "Masala chai", "category": "drinks", "quantity": 2, "unitPrice": 60.00},
                               {"sku": "SAMOSA", "name": "Samosa", "category": "snacks", "quantity": 4, "unitPrice": 85.00}]}""")))
    @APIResponse(responseCode = "201", description = "Stored and accrued; `Location` points at the order.",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "200", description = "A repeat of an order already posted with the same content: the original result.",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "409", description = "The externalId was already used for a different order; or the "
            + "customer (`customerId`) was erased, or an inline customer's referral code is an erased customer's.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "order-conflict", value = "Order web-100245 was already posted "
                            + "(0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70) with different content; use a new externalId for a new order"),
                    @ExampleObject(name = "customer-erased", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 was erased (right to erasure): it takes no new orders, memberships, redemptions, payments or referrals")}))
    @APIResponse(responseCode = "422", description = "Unknown customer, an inline customer's referral code is refused, the "
            + "currency differs from a programme's, or a stamp card the order completes names a reward that no longer "
            + "exists (nothing is stored).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown-customer",
                            value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 does not exist"),
                    @ExampleObject(name = "currency-mismatch", value = "The order is in USD but programme 'Chai Points' "
                            + "(0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70) earns in INR; convert the order before posting it"),
                    @ExampleObject(name = "stamp-reward-missing", value = "Stamp rule 'chai-card' of programme "
                            + "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 names reward 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71, "
                            + "which does not exist; set the rule's rewardId to a reward of the programme"),
                    @ExampleObject(name = "unknown-referral-code", value = "No customer has the referral code 'ASHA7K2Q'"),
                    @ExampleObject(name = "self-referral", value = "Referral refused: a customer cannot use their own referral code")}))
    public RestResponse<OrderResponse> post(@NotNull @Valid OrderRequest request, @Context UriInfo uriInfo) {
        OrderService.Posted posted = service.post(request, Caller.of(identity));
        if (!posted.created()) {
            return RestResponse.ok(posted.order());
        }
        return RestResponse.ResponseBuilder.<OrderResponse>created(
                uriInfo.getAbsolutePathBuilder().path(posted.order().id().toString()).build())
                .entity(posted.order()).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "getOrder", summary = "Get an order", description = "One order with its lines, returns so far and "
            + "what it earned. A PARTNER key sees only orders placed with its partner.")
    @APIResponse(responseCode = "200", description = "The order.")
    @APIResponse(responseCode = "404", description = "No such order.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public OrderResponse get(@PathParam("id") UUID id) {
        return service.get(id, Caller.of(identity));
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "listOrders", summary = "List orders", description = "Orders in the order they were posted, optionally of one customer "
            + "and placed in [from, to). A PARTNER key sees only orders placed with its partner.")
    @APIResponse(responseCode = "200", description = "One page of orders.")
    public Page<OrderResponse> list(
            @QueryParam("customerId") UUID customerId,
            @Parameter(description = "Placed at or after (ISO-8601 with offset).", example = "2026-01-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Placed before (ISO-8601 with offset).", example = "2027-01-01T00:00:00Z")
            @QueryParam("to") String to,
            @BeanParam PageParams page) {
        return service.list(customerId, instant("from", from), instant("to", to), page.toRequest(),
                Caller.of(identity));
    }

    @POST
    @Path("{id}/returns")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER})
    @Operation(operationId = "createOrderReturn", summary = "Return items of an order",
            description = """
                    Records returned lines (or a refunded amount) and reverses what the returned part earned, in \
                    proportion, per rule, with REVERSE ledger entries linked to the return. Returning everything cancels \
                    the order (status RETURNED). Points already spent are still reversed: the balance goes negative, a \
                    debt that later earnings repay and that blocks redemption meanwhile. Stamps come back off the card in \
                    proportion to the returned units they were counted on (a one-stamp-per-order card loses its stamp \
                    only when all the lines it counted are back); stamps that already completed a card become a stamp \
                    debt, paid by the next stamps earned. What a return takes back no longer counts against the rules' \
                    daily and monthly caps. Requires an `Idempotency-Key` header: a retry with the same key and body \
                    answers 200 with the original return; `Location` points at the order, which lists its returns. A PARTNER \
                    key returns only orders placed with its partner.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReturnRequest.class),
            examples = {
                    @ExampleObject(name = "lines", value = "{\"lines\": [{\"lineNo\": 2, \"quantity\": 1}], \"reason\": \"Cold samosa\"}"),
                    @ExampleObject(name = "amount", value = "{\"amount\": 50.00, \"reason\": \"Goodwill refund\"}")}))
    @APIResponse(responseCode = "201", description = "The return and what it reversed; `Location` points at the order.",
            content = @Content(schema = @Schema(implementation = ReturnResponse.class)))
    @APIResponse(responseCode = "200", description = "A replay of the same return.",
            content = @Content(schema = @Schema(implementation = ReturnResponse.class)))
    @APIResponse(responseCode = "404", description = "No such order.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different return.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "idempotency-key-reused", value = "Idempotency-Key 'rma-7781' was already used for a different request")))
    @APIResponse(responseCode = "422", description = "More than was bought, or the order was already returned in full.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "return-exceeds-order",
                            value = "Line 2 (SAMOSA) had 4, 4 already returned; cannot return 1 more"),
                    @ExampleObject(name = "order-returned",
                            value = "Order 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 has been returned in full already")}))
    public RestResponse<ReturnResponse> returnItems(
            @PathParam("id") UUID id,
            @Parameter(description = "Unique per return, chosen by the caller.", required = true, example = "rma-7781")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid ReturnRequest request, @Context UriInfo uriInfo) {
        var outcome = returns.returnItems(id, request, idempotencyKey, Caller.of(identity));
        if (!outcome.firstTime()) {
            return RestResponse.ok(outcome.result());
        }
        // A return has no URL of its own; the order shows it with the others.
        return RestResponse.ResponseBuilder.<ReturnResponse>created(
                uriInfo.getBaseUriBuilder().path("api/v1/orders").path(id.toString()).build()).entity(outcome.result()).build();
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(name, "must be an ISO-8601 timestamp with offset such as 2026-01-31T18:30:00Z");
        }
    }
}
