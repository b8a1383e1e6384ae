package io.loyalty.ledger;

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

import java.util.UUID;

@Path("/api/v1/customers/{id}/loyalty")
@Tag(name = "Points")
@Produces(MediaType.APPLICATION_JSON)
public class LoyaltyResource {

    private final LoyaltyService loyalty;

    LoyaltyResource(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "getLoyaltyAccount", summary = "Get a customer's loyalty account",
            description = "One call for an account page: per programme the points balances, what expires soon, the stamps on "
                    + "each current card and the rewards earned but not yet used; and whether promotions may be offered now "
                    + "(`promotionsAllowed` is false while the customer has an unresolved incident, with the reason).")
    @APIResponse(responseCode = "200", description = "The account.")
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public LoyaltySummary get(@PathParam("id") UUID customerId) {
        return loyalty.summary(customerId);
    }
}
