package io.loyalty.programme;

import io.loyalty.common.error.Problem;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/customers/{id}/memberships")
@Tag(name = "Programmes")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerMembershipResource {

    private final MembershipService service;

    CustomerMembershipResource(MembershipService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "listCustomerMemberships", summary = "List a customer's memberships",
            description = "Every programme the customer belongs to, including AUTOMATIC ones they have not earned in yet, "
                    + "and ended memberships.")
    @APIResponse(responseCode = "200", description = "The memberships.")
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public List<MembershipResponse> memberships(@PathParam("id") UUID customerId) {
        return service.forCustomer(customerId);
    }
}
