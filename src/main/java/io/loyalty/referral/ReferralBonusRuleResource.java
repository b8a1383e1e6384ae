package io.loyalty.referral;

import io.loyalty.common.error.Problem;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/programmes/{id}/referral-bonus")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralBonusRuleResource {
    private static final String PROBLEM = "application/problem+json";

    private final ReferralService service;

    ReferralBonusRuleResource(ReferralService service) {
        this.service = service;
    }

    @PUT
        @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "setReferralBonusRule", summary = "Set a programme's referral bonus",
            description = "Points for the referrer; points, a reward of the programme's catalogue, or both for the newcomer; "
                    + "paid once when the newcomer's first order is past the programme's pending period and was not "
                    + "returned; and a cap on the referrer's bonuses per period.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReferralBonusRuleRequest.class),
            examples = {
                    @ExampleObject(name = "points", summary = "Points for both, at most 5 referrer bonuses a month", value = """
                            {"referrerPoints": 500, "newcomerPoints": 200, "capPerReferrer": 5, "capPeriod": "MONTH"}"""),
                    @ExampleObject(name = "reward", summary = "Points for the referrer, a reward for the newcomer", value = """
                            {"referrerPoints": 500, "newcomerRewardId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71"}""")}))
    @APIResponse(responseCode = "200", description = "The rule.")
    @APIResponse(responseCode = "404", description = "No such programme.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The newcomer's reward is not in the programme's catalogue (unknown, "
            + "or another programme's).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples =
            @ExampleObject(name = "unknown-reward", value = "Reward 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71 is not in the "
                    + "catalogue of programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70; the newcomer's reward must be one of its rewards")))
    public ReferralBonusRuleRequest setRule(@PathParam("id") UUID programmeId, @NotNull @Valid ReferralBonusRuleRequest rule) {
        return service.setRule(programmeId, rule);
    }

    @GET
        @RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST})
    @Operation(operationId = "getReferralBonusRule", summary = "Get a programme's referral bonus",
            description = "The rule set with PUT; 404 when the programme pays no referral bonus.")
    @APIResponse(responseCode = "200", description = "The rule.")
    @APIResponse(responseCode = "404", description = "No such programme, or it has no referral bonus.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ReferralBonusRuleRequest rule(@PathParam("id") UUID programmeId) {
        return service.rule(programmeId);
    }
}
