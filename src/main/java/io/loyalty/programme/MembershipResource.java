package io.loyalty.programme;

import io.loyalty.common.error.Problem;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/programmes/{id}/members")
@Tag(name = "Programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembershipResource {

    private final MembershipService service;

    MembershipResource(MembershipService service) {
        this.service = service;
    }

    @Schema(name = "EnrolmentRequest")
    public record EnrolmentRequest(@NotNull @Schema(required = true) UUID customerId) {
    }

    @POST
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "enrolCustomer", summary = "Enrol a customer",
            description = "Makes the customer a member (needed for OPT_IN programmes; harmless for AUTOMATIC ones) and answers "
                    + "201 with `Location`. Enrolling a member again changes nothing and answers 200; re-enrolling an ended "
                    + "membership reopens it with its balance, also with 200: the membership existed already.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EnrolmentRequest.class),
            examples = @ExampleObject(name = "enrol",
                    value = "{\"customerId\": \"0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70\"}")))
    @APIResponse(responseCode = "201", description = "Enrolled; `Location` points at the membership.",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "200", description = "The customer had joined before: the membership, reopened if it had ended.",
            content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "404", description = "No such programme or customer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The programme is closed, or the customer was erased.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "programme-closed",
                            value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 is closed"),
                            @ExampleObject(name = "customer-erased", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 was erased (right to erasure): it takes no new orders, memberships, redemptions, payments or referrals")}))
    public RestResponse<MembershipResponse> enrol(@PathParam("id") UUID programmeId,
                                                  @NotNull @jakarta.validation.Valid EnrolmentRequest request,
                                                  @Context UriInfo uriInfo) {
        // Two first enrolments racing may both answer 201; both name the same membership.
        boolean joinedBefore = service.hasJoined(programmeId, request.customerId());
        MembershipResponse membership = service.enrol(programmeId, request.customerId());
        if (joinedBefore) {
            return RestResponse.ok(membership);
        }
        return RestResponse.ResponseBuilder.<MembershipResponse>created(
                uriInfo.getAbsolutePathBuilder().path(request.customerId().toString()).build()).entity(membership).build();
    }

    @GET
    @Path("{customerId}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "getMembership", summary = "Get a membership",
            description = "The customer's membership of the programme, as the customer's list of memberships shows it: "
                    + "also an AUTOMATIC programme the customer has not earned in yet, and an ended membership. A closed "
                    + "programme has no members.")
    @APIResponse(responseCode = "200", description = "The membership.")
    @APIResponse(responseCode = "404", description = "No such customer, or the customer is not a member of the programme.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public MembershipResponse get(@PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId) {
        return service.get(programmeId, customerId);
    }

    @DELETE
    @Path("{customerId}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "endMembership", summary = "End a membership",
            description = "The customer stops earning in this programme. The ledger and balance are kept.")
    @APIResponse(responseCode = "204", description = "Ended (or already ended).")
    @APIResponse(responseCode = "404", description = "No such programme or customer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public void end(@PathParam("id") UUID programmeId, @PathParam("customerId") UUID customerId) {
        service.end(programmeId, customerId);
    }
}
