package io.loyalty.referral;

import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.error.Problem;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/customers/{id}")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralResource {
    private static final String PROBLEM = "application/problem+json";

    private final ReferralService referrals;

    ReferralResource(ReferralService referrals) {
        this.referrals = referrals;
    }

    @POST
    @Path("referral-code")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "getOrCreateReferralCode", summary = "Get the customer's referral code",
            description = "The code a customer shares with friends; created the first time, the same on every later call. "
                    + "A friend registered with it (`referralCode` on POST /customers, or on the inline `customer` of an "
                    + "order) is linked to this customer.")
    @APIResponse(responseCode = "200", description = "The code.")
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The customer was erased: an erased customer refers nobody.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples =
            @ExampleObject(name = "customer-erased", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 was erased (right to erasure): it takes no new orders, memberships, redemptions, payments or referrals")))
    public ReferralCodeResponse code(@PathParam("id") UUID customerId) {
        return referrals.code(customerId);
    }

    @GET
    @Path("referrals")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "listReferrals", summary = "List the customers a customer referred",
            description = "Each referred customer with the bonus status: PENDING until their first order can no longer be "
                    + "returned, then CONVERTED (with the bonuses paid per programme) or LOST (that order was returned).")
    @APIResponse(responseCode = "200", description = "One page of referrals.")
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ReferralResponse> list(@PathParam("id") UUID customerId, @BeanParam PageParams page) {
        return referrals.list(customerId, page.toRequest());
    }
}
