package io.loyalty.metrics;

import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/metrics/feedback")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST})
public class FeedbackMetricsResource {
    private final FeedbackMetricsService service;
    private final SecurityIdentity identity;

    FeedbackMetricsResource(FeedbackMetricsService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "getFeedbackMetrics", summary = "Feedback, incidents and referrals",
            description = "For feedback given in [from, to): NPS (% promoters 9-10 minus % detractors 0-6; passives 7-8 "
                    + "count in the denominator only) with its counts; per scored type (CSAT, REVIEW) the responses, mean "
                    + "score and top-two-box share (4-5). Incidents opened in the period, resolved in it, their median "
                    + "time to resolution and the share compensated. Referrals made and converted in the period. "
                    + "`channel` is where the feedback was given; referrals have no channel and ignore it. "
                    + "`Accept: text/csv` gives one row per figure: its name, value, and for a rate the counts behind it.")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @APIResponse(responseCode = "200", description = "The figures.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackMetrics.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    example = "figure,value,numerator,denominator\r\nnps.responses,40,,\r\nnps.score,35.00,,\r\n"
                            + "nps.promoterShare,0.550000,22,40\r\n"))})
    public Response metrics(@BeanParam FeedbackMetricsParams params, @Context HttpHeaders headers) {
        FeedbackMetrics metrics = service.metrics(params.toScope(Caller.of(identity)));
        if (Csv.wanted(headers)) {
            return Csv.response("feedback-metrics", FeedbackMetrics.CSV_HEADER, metrics.csvRows());
        }
        return Response.ok(metrics, MediaType.APPLICATION_JSON).build();
    }
}
