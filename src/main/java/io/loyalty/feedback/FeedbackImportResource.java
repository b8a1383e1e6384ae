package io.loyalty.feedback;

import io.loyalty.common.error.Problem;
import io.loyalty.order.ImportJobResponse;
import io.loyalty.order.OrderImportService;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

import java.io.InputStream;

@Path("/api/v1/imports/feedback")
@Tag(name = "Feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackImportResource {
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final OrderImportService imports;
    private final FeedbackImport feedbackImport;
    private final SecurityIdentity identity;

    FeedbackImportResource(OrderImportService imports, FeedbackImport feedbackImport, SecurityIdentity identity) {
        this.imports = imports;
        this.feedbackImport = feedbackImport;
        this.identity = identity;
    }

    @POST
    @Consumes({NDJSON, CSV})
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "importFeedback", summary = "Import feedback history",
            description = """
                    Brings a business's existing reviews, survey answers and messages in, so they feed the feedback \
                    metrics. The body is NDJSON (one POST /feedback body per line, where customerExternalId or \
                    customerEmail may stand for customerId and orderExternalId for orderId) or CSV with a header row and \
                    the columns externalId, customerExternalId (or customerId, or customerEmail), orderExternalId \
                    (optional: the order your key imported or posted under that id; it must be the customer's), type, \
                    score, comment, public, channel, givenAt (ISO-8601, or a date meaning midnight UTC). The rules of \
                    POST /feedback apply, but imported feedback opens no incident: it is history. Customers must exist \
                    (import their orders first). A row whose externalId is already taken is skipped as a duplicate. \
                    Answers 202 at once; follow `Location` (the same job as an order import, kind FEEDBACK) for \
                    progress and rejected rows with their line number.""")
    @RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = """
                    externalId,customerExternalId,orderExternalId,type,score,comment,public,channel,givenAt
                    review-1,cust-7,legacy-1,REVIEW,5,Lovely chai,true,web,2024-03-04
                    survey-9,cust-8,,NPS,6,,false,email,2024-03-10T09:00:00Z""")),
            // The lines of the NDJSON example are written as a JSON array; OpenApiErrorResponsesFilter makes them lines.
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "ndjson",
                    description = "Two feedback, one JSON document per line.", value = """
                    [{"externalId": "review-1", "customerExternalId": "cust-7", "orderExternalId": "legacy-1", "type": "REVIEW", "score": 5, "comment": "Lovely chai", "public": true, "channel": "web", "givenAt": "2024-03-04T00:00:00Z"},
                     {"externalId": "complaint-3", "customerExternalId": "cust-8", "type": "COMPLAINT", "comment": "Cold samosas", "givenAt": "2024-03-12T18:30:00+05:30"}]"""))})
    @APIResponse(responseCode = "202", description = "Accepted; `Location` points at the job.",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the configured limit (1 GB by default).",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither NDJSON nor CSV.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RestResponse<ImportJobResponse> importFeedback(InputStream body, @HeaderParam("Content-Type") String contentType,
                                                          @Context UriInfo uriInfo) {
        OrderImportService.Format format = contentType != null && contentType.startsWith(CSV)
                ? OrderImportService.Format.CSV : OrderImportService.Format.NDJSON;
        ImportJobResponse job = imports.submit(body, format, Caller.of(identity), feedbackImport);
        return RestResponse.ResponseBuilder.<ImportJobResponse>create(RestResponse.Status.ACCEPTED)
                .location(uriInfo.getBaseUriBuilder().path("api/v1/imports").path(job.id().toString()).build())
                .entity(job).build();
    }
}
