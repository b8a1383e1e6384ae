package io.loyalty.game;

import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.error.Problem;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

@Path("/api/v1/programmes/{id}/challenges")
@Tag(name = "Games and challenges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChallengeResource {
    private static final String PROBLEM = "application/problem+json";

    private final ChallengeService service;

    ChallengeResource(ChallengeService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "createChallenge", summary = "Add a challenge to a programme",
            description = """
                    Every order of a member placed while the challenge runs counts towards it in its period; the order \
                    that reaches the target pays the prize (bonus points or a catalogue reward), once per period, and \
                    says so in its answer (`gamification.challenges`). Progress shows in GET /customers/{id}/loyalty. \
                    Returns do not undo progress or a prize paid.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChallengeRequest.class), examples = {
            @ExampleObject(name = "three-orders", summary = "Three orders this month: 200 bonus points", value = """
                    {"name": "Three orders this month", "goal": "ORDERS", "target": 3, "period": "MONTH",
                     "prize": {"points": 200}}"""),
            @ExampleObject(name = "spend-quarter", summary = "Spend ₹2000 in a quarter: a reward", value = """
                    {"name": "Spend 2000 this quarter", "goal": "SPEND", "target": 2000, "period": "QUARTER",
                     "prize": {"rewardId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71"}}"""),
            @ExampleObject(name = "three-categories", summary = "Buy from three categories during December", value = """
                    {"name": "Explorer", "goal": "CATEGORIES", "target": 3, "period": "WINDOW", "prize": {"points": 150},
                     "validFrom": "2026-12-01T00:00:00+05:30", "validTo": "2027-01-01T00:00:00+05:30"}""")}))
    @APIResponse(responseCode = "201", description = "Created; `Location` points at the challenge.",
            content = @Content(schema = @Schema(implementation = ChallengeResponse.class)))
    @APIResponse(responseCode = "404", description = "No such programme.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The programme is closed.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "programme-closed", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 "
                            + "is closed: it runs no games or challenges")}))
    @APIResponse(responseCode = "422", description = "The prize reward is not in the programme's catalogue.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown-reward", value = "Reward 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71 is not "
                            + "in the catalogue of programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70; a prize must be one of its rewards")}))
    public RestResponse<ChallengeResponse> create(@PathParam("id") UUID programmeId, @NotNull @Valid ChallengeRequest request,
                                                  @Context UriInfo uriInfo) {
        ChallengeResponse created = service.create(programmeId, request);
        return RestResponse.ResponseBuilder.<ChallengeResponse>created(
                uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "listChallenges", summary = "List a programme's challenges",
            description = "Every challenge of the programme, past, running and future, in creation order.")
    @APIResponse(responseCode = "200", description = "One page of challenges.")
    @APIResponse(responseCode = "404", description = "No such programme.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ChallengeResponse> list(@PathParam("id") UUID programmeId, @BeanParam PageParams page) {
        return service.list(programmeId, page.toRequest());
    }

    @GET
    @Path("{challengeId}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "getChallenge", summary = "Get a challenge", description = "One challenge of the programme.")
    @APIResponse(responseCode = "200", description = "The challenge.")
    @APIResponse(responseCode = "404", description = "No such programme, or no such challenge in it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ChallengeResponse get(@PathParam("id") UUID programmeId, @PathParam("challengeId") UUID challengeId) {
        return service.get(programmeId, challengeId);
    }
}
