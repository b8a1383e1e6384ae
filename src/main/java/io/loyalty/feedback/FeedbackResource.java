package io.loyalty.feedback;

import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/feedback")
@Tag(name = "Feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedbackResource {
    private static final String PROBLEM = "application/problem+json";

    private final FeedbackService service;
    private final SecurityIdentity identity;

    FeedbackResource(FeedbackService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER})
    @Operation(operationId = "createFeedback", summary = "Record what a customer said",
            description = "Stores a survey answer (NPS 0-10, CSAT 1-5), a review (rating 1-5), a complaint, a compliment, a "
                    + "suggestion or what a competitor offers. A score outside its type's scale, or a score on a type "
                    + "without one, is a 400. A COMPLAINT, or a score at the bottom of its scale (NPS 0-6, CSAT or REVIEW "
                    + "1-2), opens an incident (`incidentId`): until it is resolved, promotions to the customer are "
                    + "suppressed. A PARTNER key gives feedback only on orders placed with its partner.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FeedbackRequest.class), examples = {
            @ExampleObject(name = "nps", summary = "An NPS answer after an order", value = """
                    {"customerId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70", "type": "NPS", "score": 9, "channel": "email"}"""),
            @ExampleObject(name = "complaint", summary = "A complaint (opens an incident)", value = """
                    {"customerId": "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70", "orderId": "0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b",
                     "type": "COMPLAINT", "comment": "The parcel arrived two days late and the chai was cold"}""")}))
    @APIResponse(responseCode = "201", description = "Stored; `Location` points at it.",
            content = @Content(schema = @Schema(implementation = FeedbackResponse.class)))
    @APIResponse(responseCode = "409", description = "The externalId is already taken, or the customer was erased.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
            @ExampleObject(name = "duplicate-external-id", value = "Feedback with externalId 'review-88231' already exists"),
            @ExampleObject(name = "customer-erased", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 was erased (right to erasure): it takes no new orders, memberships, redemptions, payments or referrals")}))
    @APIResponse(responseCode = "422", description = "The customer or order does not exist, or the order is another customer's.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown-customer", value = "Customer 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 does not exist"),
                    @ExampleObject(name = "unknown-order", value = "Order 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b does not exist"),
                    @ExampleObject(name = "order-customer", value = "Order 0193a1f4-8e11-7c40-b7a5-0d9c1e2f3a4b belongs to another customer than the feedback")}))
    public RestResponse<FeedbackResponse> create(@NotNull @Valid FeedbackRequest request, @Context UriInfo uriInfo) {
        FeedbackResponse created = service.create(request, Caller.of(identity));
        return RestResponse.ResponseBuilder.<FeedbackResponse>created(
                uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "getFeedback", summary = "Get one feedback",
            description = "A PARTNER key sees only feedback on its partner's orders (others are 404).")
    @APIResponse(responseCode = "200", description = "The feedback.")
    @APIResponse(responseCode = "404", description = "No such feedback.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public FeedbackResponse get(@PathParam("id") UUID id) {
        return service.get(id, Caller.of(identity));
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.PARTNER, Role.Names.ANALYST})
    @Operation(operationId = "listFeedback", summary = "List feedback",
            description = "Feedback in the order it was recorded, narrowed by any of the filters; `from` and `to` bound "
                    + "when it was given, [from, to). A PARTNER key sees only feedback on its partner's orders.")
    @APIResponse(responseCode = "200", description = "One page of feedback.")
    public Page<FeedbackResponse> list(
            @QueryParam("customerId") UUID customerId,
            @Parameter(description = "One type.") @QueryParam("type") FeedbackType type,
            @Parameter(description = "Given at or after (ISO-8601 with offset).", example = "2026-01-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Given before (ISO-8601 with offset).", example = "2027-01-01T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "Score at least this (only scored feedback).", example = "0")
            @QueryParam("minScore") String minScore,
            @Parameter(description = "Score at most this (only scored feedback).", example = "6")
            @QueryParam("maxScore") String maxScore,
            @Parameter(description = "true: published reviews only; false: private messages only.")
            @QueryParam("public") Boolean published,
            @BeanParam PageParams page) {
        return service.list(new FeedbackService.Filter(customerId, type, Params.instant("from", from),
                Params.instant("to", to), Params.score("minScore", minScore), Params.score("maxScore", maxScore),
                published), Caller.of(identity), page.toRequest());
    }

    /** Query parameters read as strings, so that a bad one is a 400 naming it. */
    static final class Params {
        private Params() {
        }

        static java.time.Instant instant(String name, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw Problems.invalidParameter(name, "must be an ISO-8601 timestamp with offset such as 2026-01-31T18:30:00Z");
            }
        }

        static Integer score(String name, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                int score = Integer.parseInt(value.trim());
                if (score < 0 || score > 10) {
                    throw Problems.invalidParameter(name, "must be between 0 and 10");
                }
                return score;
            } catch (NumberFormatException e) {
                throw Problems.invalidParameter(name, "must be a whole number between 0 and 10");
            }
        }
    }
}
