package io.loyalty.tier;

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

@Path("/api/v1/programmes/{id}/members/{customerId}/payments")
@Tag(name = "Tiers and paid membership")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {
    private static final String PROBLEM = "application/problem+json";

    private final PaymentService service;
    private final SecurityIdentity identity;

    PaymentResource(PaymentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "recordMembershipPayment", summary = "Record a membership fee payment",
            description = "Records a payment of the programme's fee and extends the paid time by one period: from the end "
                    + "of the paid time, or from the payment after a lapse. Enrols the customer if needed. Requires an "
                    + "`Idempotency-Key` header: the same key and body again answers 200 with the original payment, also "
                    + "when both arrive at once (one payment is recorded); the same key with another body answers 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PaymentRequest.class),
            examples = @ExampleObject(name = "yearly-fee",
                    value = "{\"amount\": 999.00, \"currency\": \"INR\", \"reference\": \"psp-ch_3PqL9a\"}")))
    @APIResponse(responseCode = "201", description = "Recorded; `Location` points at the payment.",
            content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "200", description = "A replay: the payment recorded the first time.",
            content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such programme or customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The key was used for another request, the programme is closed, or "
            + "the customer was erased.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "idempotency-key-reused",
                            value = "Idempotency-Key 'fee-2026-0001' was already used for a different request"),
                    @ExampleObject(name = "programme-closed", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 is closed"),
                    @ExampleObject(name = "customer-erased", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 was erased (right to erasure): it takes no new orders, memberships, redemptions, payments or referrals")}))
    @APIResponse(responseCode = "422", description = "The programme has no fee, or the payment is not its fee.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "no-membership-fee",
                            value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 has no membership fee"),
                    @ExampleObject(name = "fee-amount",
                            value = "The fee of programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 is 999.00 INR per P1Y"),
                    @ExampleObject(name = "currency-mismatch",
                            value = "The fee of programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 is paid in INR, not USD")}))
    public RestResponse<PaymentResponse> pay(
            @PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId,
            @Parameter(description = "Unique per payment, chosen by the caller.", required = true, example = "fee-2026-0001")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid PaymentRequest request, @Context UriInfo uriInfo) {
        Idempotency.Outcome<PaymentResponse> outcome = service.pay(programmeId, customerId, request, idempotencyKey,
                Caller.of(identity));
        if (!outcome.firstTime()) {
            return RestResponse.ok(outcome.result());
        }
        return RestResponse.ResponseBuilder.<PaymentResponse>created(
                uriInfo.getAbsolutePathBuilder().path(outcome.result().id().toString()).build()).entity(outcome.result()).build();
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "listMembershipPayments", summary = "List a member's fee payments",
            description = "Every payment, oldest first, with the period it bought and any refund.")
    @APIResponse(responseCode = "200", description = "One page of payments.")
    @APIResponse(responseCode = "404", description = "No such programme or customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<PaymentResponse> list(@PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId,
                                      @BeanParam PageParams page) {
        return service.list(programmeId, customerId, page.toRequest());
    }

    @GET
    @Path("{paymentId}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "getMembershipPayment", summary = "Get a fee payment", description = "One payment and the period it bought.")
    @APIResponse(responseCode = "200", description = "The payment.")
    @APIResponse(responseCode = "404", description = "No such programme, customer or payment.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PaymentResponse get(@PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId,
                               @PathParam("paymentId") UUID paymentId) {
        return service.get(programmeId, customerId, paymentId);
    }

    @POST
    @Path("{paymentId}/refund")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "refundMembershipPayment", summary = "Refund a fee payment",
            description = "Records the money given back and ends the paid period the payment bought: now, if it has begun; "
                    + "entirely, if it was still to come. Periods other payments bought stay. Refunding a refunded payment "
                    + "changes nothing and answers it as it is.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RefundRequest.class),
            examples = @ExampleObject(name = "full", value = "{\"reason\": \"Charged twice by mistake\"}")))
    @APIResponse(responseCode = "200", description = "The payment, refunded.")
    @APIResponse(responseCode = "404", description = "No such programme, customer or payment.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "More than the payment.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "refund-exceeds-payment", value = "Payment "
                            + "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f72 was 999.0000 INR; cannot refund 1500")))
    public PaymentResponse refund(@PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId,
                                  @PathParam("paymentId") UUID paymentId, @NotNull @Valid RefundRequest request) {
        return service.refund(programmeId, customerId, paymentId, request);
    }
}
