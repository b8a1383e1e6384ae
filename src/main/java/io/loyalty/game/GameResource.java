package io.loyalty.game;

import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/programmes/{id}/games")
@Tag(name = "Games and challenges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GameResource {
    private static final String PROBLEM = "application/problem+json";

    private final GameService service;

    GameResource(GameService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "createGame", summary = "Add an instant-win game to a programme",
            description = """
                    From then on every order of a member that qualifies (placed in the window, over `minAmount` net of \
                    discount, with a line of `category` if set) plays once, inside the order's transaction, and the \
                    order's answer says what it won (`gamification`). Draws use a secure random source and are all \
                    recorded (GET .../draws). Wins stop when the daily or total budget is spent. A full return of a \
                    winning order cancels an unused reward prize and reverses unspent bonus points; a used prize is kept.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = GameRequest.class), examples = {
            @ExampleObject(name = "free-dessert", summary = "Every order over ₹200 plays for a 25% chance of a free dessert",
                    value = """
                            {"name": "Free dessert", "minAmount": 200, "probability": 0.25,
                             "prize": {"rewardId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71"},
                             "dailyWinBudget": 50, "totalWinBudget": 1000,
                             "validFrom": "2026-12-01T00:00:00Z", "validTo": "2027-01-01T00:00:00Z"}"""),
            @ExampleObject(name = "bonus-points", summary = "Snack orders play for 100 bonus points, 1 in 8",
                    value = """
                            {"name": "Snack lottery", "category": "snacks", "probability": 0.125, "prize": {"points": 100}}""")}))
    @APIResponse(responseCode = "201", description = "Created; `Location` points at the game.",
            content = @Content(schema = @Schema(implementation = GameResponse.class)))
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
    public RestResponse<GameResponse> create(@PathParam("id") UUID programmeId, @NotNull @Valid GameRequest request,
                                             @Context UriInfo uriInfo) {
        GameResponse created = service.create(programmeId, request);
        return RestResponse.ResponseBuilder.<GameResponse>created(
                uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "listGames", summary = "List a programme's games",
            description = "Every game of the programme, past, running and future, in creation order, with its win counter.")
    @APIResponse(responseCode = "200", description = "One page of games.")
    @APIResponse(responseCode = "404", description = "No such programme.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<GameResponse> list(@PathParam("id") UUID programmeId, @BeanParam PageParams page) {
        return service.list(programmeId, page.toRequest());
    }

    @GET
    @Path("{gameId}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Operation(operationId = "getGame", summary = "Get a game", description = "One game, with the prizes won so far.")
    @APIResponse(responseCode = "200", description = "The game.")
    @APIResponse(responseCode = "404", description = "No such programme, or no such game in it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public GameResponse get(@PathParam("id") UUID programmeId, @PathParam("gameId") UUID gameId) {
        return service.get(programmeId, gameId);
    }

    @PATCH
    @Path("{gameId}")
    @RolesAllowed(Role.Names.ADMIN)
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateGame", summary = "Change or end a game",
            description = """
                    JSON Merge Patch of the GameRequest. `validTo` ends the game (orders placed from then on do not \
                    play); the odds, trigger, prize and budgets apply to draws from now on, and each draw keeps the \
                    probability it was made with. To switch the prize between a reward and points, send both fields \
                    (one null).""")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = GamePatch.class),
                    examples = @ExampleObject(name = "end-now", summary = "End the game", value = "{\"validTo\": \"2026-12-31T18:30:00Z\"}")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GamePatch.class),
                    examples = @ExampleObject(name = "odds", summary = "Lower the odds, cap the day",
                            value = "{\"probability\": 0.1, \"dailyWinBudget\": 20}"))})
    @APIResponse(responseCode = "200", description = "The updated game.")
    @APIResponse(responseCode = "404", description = "No such programme, or no such game in it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A total budget below the wins counted, or a closed programme.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "game-budget", value = "Game 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f72 has already "
                            + "counted 12 wins; its total budget cannot be lower"),
                    @ExampleObject(name = "programme-closed", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 "
                            + "is closed: it runs no games or challenges")}))
    @APIResponse(responseCode = "422", description = "The prize reward is not in the programme's catalogue.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown-reward", value = "Reward 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71 is not "
                            + "in the catalogue of programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70; a prize must be one of its rewards")}))
    public GameResponse patch(@PathParam("id") UUID programmeId, @PathParam("gameId") UUID gameId, ObjectNode patch) {
        if (patch == null) {
            throw Problems.badRequest("A JSON object with the fields to change is required");
        }
        return service.patch(programmeId, gameId, patch);
    }

    @GET
    @Path("{gameId}/draws")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST})
    @Operation(operationId = "listGameDraws", summary = "Audit a game's draws",
            description = """
                    Every draw of the game in the order they were made, optionally of one outcome: the order, the \
                    probability in force, the secure random roll, the outcome and the prize, and what a return did to \
                    it. `totals` counts all draws of the game (whatever the page or filter) with the observed win rate \
                    beside the configured probability.""")
    @APIResponse(responseCode = "200", description = "One page of draws, with totals.")
    @APIResponse(responseCode = "404", description = "No such programme, or no such game in it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DrawPage draws(@PathParam("id") UUID programmeId, @PathParam("gameId") UUID gameId,
                          @QueryParam("outcome") DrawOutcome outcome, @BeanParam PageParams page) {
        return service.draws(programmeId, gameId, outcome, page.toRequest());
    }
}
