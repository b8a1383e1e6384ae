package io.loyalty.ledger;

import io.loyalty.common.Idempotency;
import io.loyalty.common.error.Problem;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

@Path("/api/v1/customers/{id}/events")
@Tag(name = "Points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventService service;
    private final SecurityIdentity identity;

    EventResource(EventService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "recordCustomerEvent", summary = "Record a customer event",
            description = "Awards the points of every EVENT rule with this event name in the programmes the customer earns in, "
                    + "within each rule's per-customer limit and caps. An event no rule knows earns nothing (200 with no "
                    + "awards). Requires an `Idempotency-Key` header. `Location` points at the customer's ledger, where "
                    + "the points appear.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EventRequest.class),
            examples = @ExampleObject(name = "birthday", value = "{\"name\": \"birthday\"}")))
    @APIResponse(responseCode = "201", description = "Recorded, with what it earned; `Location` points at the customer's ledger.",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "200", description = "A replay of the same event.",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different event, or the customer was erased.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "idempotency-key-reused", value = "Idempotency-Key 'birthday-2026' was already used for a different request"),
                            @ExampleObject(name = "customer-erased", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 was erased (right to erasure): it takes no new orders, memberships, redemptions, payments or referrals")}))
    public RestResponse<EventResponse> record(
            @PathParam("id") UUID customerId,
            @Parameter(description = "Unique per event, chosen by the caller.", required = true, example = "birthday-2026")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid EventRequest request, @Context UriInfo uriInfo) {
        var outcome = service.record(customerId, request, idempotencyKey, Caller.of(identity));
        if (!outcome.firstTime()) {
            return RestResponse.ok(outcome.result());
        }
        // An event has no URL of its own; what it earned is in the ledger.
        return RestResponse.ResponseBuilder.<EventResponse>created(uriInfo.getBaseUriBuilder()
                .path("api/v1/customers").path(customerId.toString()).path("points/ledger").build()).entity(outcome.result()).build();
    }
}
