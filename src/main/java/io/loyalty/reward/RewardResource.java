package io.loyalty.reward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Caller;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/rewards")
@Tag(name = "Rewards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RewardResource {
    private static final String UNKNOWN_PARTNER = "Partner 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f71 is not a partner of "
            + "programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70";
    private static final String PROBLEM = "application/problem+json";

    private final RewardService service;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    private final io.quarkus.security.identity.SecurityIdentity identity;

    RewardResource(RewardService service, com.fasterxml.jackson.databind.ObjectMapper mapper,
                   io.quarkus.security.identity.SecurityIdentity identity) {
        this.service = service;
        this.mapper = mapper;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(operationId = "createReward", summary = "Add a reward to the catalogue",
            description = "A reward belongs to a programme and costs points (0 for rewards that are only granted or earned "
                    + "with a stamp card). Each type has its own fields; see the RewardRequest schema.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RewardRequest.class), examples = {
            @ExampleObject(name = "discount-amount", summary = "₹50 off, once a month, 30-day code", value = """
                    {"programmeId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70", "name": "₹50 off your next order",
                     "type": "DISCOUNT_AMOUNT", "amount": 50.00, "cost": 500, "codeValidDays": 30,
                     "limitPerCustomer": 1, "limitPeriod": "MONTH"}"""),
            @ExampleObject(name = "free-product", summary = "A free chai, 100 in stock", value = """
                    {"programmeId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70", "name": "A free masala chai",
                     "type": "FREE_PRODUCT", "sku": "CHAI", "cost": 300, "stock": 100}"""),
            @ExampleObject(name = "early-access", summary = "Early access for loyal customers", value = """
                    {"programmeId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70", "name": "Diwali collection preview",
                     "type": "EARLY_ACCESS", "subject": "Diwali 2026 collection", "startsAt": "2026-10-01T04:30:00Z",
                     "cost": 0, "eligibility": {"minLifetimePoints": 2000}}""")}))
    @APIResponse(responseCode = "201", description = "Created; `Location` points at the reward.",
            content = @Content(schema = @Schema(implementation = RewardResponse.class)))
    @APIResponse(responseCode = "409", description = "The programme is closed.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "programme-closed", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 is closed: it offers no rewards")}))
    @APIResponse(responseCode = "422", description = "The programme does not exist, or the partner named is not one of it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown-programme", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 does not exist"),
                    @ExampleObject(name = "unknown-partner", value = UNKNOWN_PARTNER)}))
    public RestResponse<RewardResponse> create(@NotNull @Valid RewardRequest request, @Context UriInfo uriInfo) {
        RewardResponse created = service.create(request);
        return RestResponse.ResponseBuilder.<RewardResponse>created(
                uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "getReward", summary = "Get a reward", description = "One catalogue entry, with the stock and pool "
            + "codes left. A PARTNER key sees the operator's rewards and its own partner's, never another partner's.")
    @APIResponse(responseCode = "200", description = "The reward.")
    @APIResponse(responseCode = "404", description = "No such reward.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RewardResponse get(@PathParam("id") UUID id) {
        return service.get(id, Caller.of(identity));
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "listRewards", summary = "List the catalogue",
            description = "Rewards in creation order, optionally of one programme, type or status. For what one customer can "
                    + "redeem, use GET /customers/{id}/rewards. A PARTNER key sees the operator's rewards and its own "
                    + "partner's.")
    @APIResponse(responseCode = "200", description = "One page of rewards.")
    public Page<RewardResponse> list(@QueryParam("programmeId") UUID programmeId, @QueryParam("type") RewardType type,
                                     @QueryParam("status") RewardStatus status, @BeanParam PageParams page) {
        return service.list(programmeId, type, status, page.toRequest(), Caller.of(identity));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.Names.ADMIN)
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateReward", summary = "Update a reward",
            description = "JSON Merge Patch. Setting `stock` sets the units left; `status` INACTIVE withdraws the reward "
                    + "(codes already issued stay valid). The programme cannot change.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = RewardPatch.class),
                    examples = @ExampleObject(name = "restock", summary = "Set the units left", value = "{\"stock\": 250}")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RewardPatch.class),
                    examples = @ExampleObject(name = "unlimited", summary = "No stock limit, no end date",
                            value = "{\"stock\": null, \"validTo\": null}"))})
    @APIResponse(responseCode = "200", description = "The updated reward.")
    @APIResponse(responseCode = "404", description = "No such reward.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A change of programme, or activating a reward of a closed programme.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "reward-programme", value = "The programme of a reward cannot change; create a new reward"),
                    @ExampleObject(name = "programme-closed", value = "Programme 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 is closed: it offers no rewards")}))
    @APIResponse(responseCode = "422", description = "The partner named is not one of the reward's programme.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown-partner", value = UNKNOWN_PARTNER)}))
    public RewardResponse patch(@PathParam("id") UUID id, ObjectNode patch) {
        if (patch == null) {
            throw Problems.badRequest("A JSON object with the fields to change is required");
        }
        return service.patch(id, patch);
    }

    @Schema(name = "CodeImportRequest", description = "Codes for a reward's pool, for the contract only: the body is read by hand.")
    public record CodeImportRequest(
            @Schema(required = true, maxItems = 100000, example = "[\"GIFT-7731-AXQ\", \"GIFT-7732-BRT\"]",
                    description = "4-64 letters, digits, '-' or '_' each.") List<String> codes) {
    }

    @Schema(name = "CodeImport")
    public record CodeImportResponse(
            @Schema(required = true, example = "1000") int received,
            @Schema(required = true, example = "998") int added,
            @Schema(required = true, example = "2", description = "Codes already known (here or in another pool), skipped.")
            int duplicates,
            @Schema(required = true, description = "Up to ten of the skipped codes.") List<String> duplicateExamples,
            @Schema(required = true, example = "1410", description = "Codes of this reward not handed out yet.") long available) {
    }

    @POST
    @Path("{id}/codes")
    @RolesAllowed(Role.Names.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    @Operation(operationId = "importRewardCodes", summary = "Import codes into a reward's pool",
            description = "For rewards with `codeSource` POOL: codes made by an external system (a gift-card provider, a "
                    + "partner's till). JSON `{\"codes\": [...]}`, or CSV / plain text with one code per line (a first line "
                    + "`code` is a header and skipped). Codes are 4-64 letters, digits, '-' or '_', unique case-insensitively "
                    + "across all pools; known ones are skipped, so sending a file twice is harmless. At most 100,000 per request.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeImportRequest.class),
                    examples = @ExampleObject(name = "json", value = "{\"codes\": [\"GIFT-7731-AXQ\", \"GIFT-7732-BRT\"]}")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "code\nGIFT-7731-AXQ\nGIFT-7732-BRT\n")),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "lines", value = "GIFT-7731-AXQ\nGIFT-7732-BRT\n"))})
    @APIResponse(responseCode = "200", description = "What was added and skipped.")
    @APIResponse(responseCode = "404", description = "No such reward.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The reward generates its codes (codeSource GENERATED).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "reward-not-pooled", value = "Reward 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b generates its codes; set codeSource to POOL before importing codes")}))
    public CodeImportResponse importCodes(@PathParam("id") UUID id, String body,
                                          @jakarta.ws.rs.HeaderParam("Content-Type") String contentType) {
        List<String> codes = contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON)
                ? fromJson(body) : fromLines(body);
        RewardService.CodeImport result = service.importCodes(id, codes);
        return new CodeImportResponse(result.received(), result.added(), result.duplicates(), result.duplicateExamples(),
                result.available());
    }

    private List<String> fromJson(String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body == null ? "" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problems.badRequest("The body is not valid JSON: expected {\"codes\": [\"...\"]}");
        }
        if (root == null || !root.path("codes").isArray()) {
            throw Problems.invalidField("codes", "body", "is required: an array of codes");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode n : root.path("codes")) {
            codes.add(n.isTextual() ? n.asText() : null);
        }
        return codes;
    }

    private static List<String> fromLines(String body) {
        List<String> codes = new ArrayList<>();
        if (body == null) {
            return codes;
        }
        String[] lines = body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("\"") && line.endsWith("\"") && line.length() >= 2) {
                line = line.substring(1, line.length() - 1);
            }
            if (line.isEmpty() || (i == 0 && line.equalsIgnoreCase("code"))) {
                continue;
            }
            codes.add(line);
        }
        return codes;
    }
}
