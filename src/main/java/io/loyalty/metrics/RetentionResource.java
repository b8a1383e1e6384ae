package io.loyalty.metrics;

import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/metrics/retention")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST, Role.Names.PARTNER})
public class RetentionResource {
    private final RetentionService service;
    private final SecurityIdentity identity;

    RetentionResource(RetentionService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "getRetention", summary = "Retention and churn over a period",
            description = """
                    Who stayed over [from, to) (default: the three months before `to`): S, the customers active at \
                    `from`; E, those active at `to`; N, those whose first counted order is in [from, to). A customer is \
                    active at t when they have a counted order in (t - W, t], W being `activityWindow`, a calendar \
                    period in `timezone`. An order placed exactly at `to` is outside the period (it is not a purchase \
                    of the period) but makes its customer active at `to`, as the next period's start. Counted orders \
                    are those not fully returned. A PARTNER key sees only orders placed with its partner.""")
    @APIResponse(responseCode = "200", description = "The figures, with the counts behind every rate.",
            content = @Content(schema = @Schema(implementation = Retention.class)))
    public Retention retention(@BeanParam MetricsParams params, @QueryParam("activityWindow") @Parameter(
            description = "W: how recent a customer's last order must be for them to count as active (ISO-8601 period).",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "P90D"), example = "P90D") String activityWindow) {
        return service.retention(params, activityWindow, Caller.of(identity));
    }

    @GET
    @Path("series")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "getRetentionSeries", summary = "Retention and churn for consecutive periods",
            description = """
                    The figures of getRetention for [from, from + interval), [from + interval, from + 2 x interval), ... \
                    (default: twelve months before `to`, monthly). Each bound is `from` plus a whole number of \
                    intervals in `timezone`; the last period ends at `to` and is shorter when the interval does not \
                    divide the span. At most 1,000 periods. `Accept: text/csv` gives one row per period.""")
    @APIResponse(responseCode = "200", description = "One entry per period, in order.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionSeries.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    example = "from,to,activeAtStart,activeAtEnd,newCustomers,retained,churned,reactivated,repeatBuyers,"
                            + "retentionRate,churnRate,crr\r\n2025-10-01T00:00:00Z,2025-11-01T00:00:00Z,5309,5120,950,"
                            + "2238,3071,1932,2710,0.421548,0.578452,0.785459\r\n"))})
    public Response series(@BeanParam MetricsParams params,
                           @QueryParam("interval") @Parameter(description = "The length of each period (ISO-8601 period).",
                                   schema = @Schema(type = SchemaType.STRING, defaultValue = "P1M"), example = "P1M")
                           String interval,
                           @QueryParam("activityWindow") @Parameter(description = "W, as for getRetention.",
                                   schema = @Schema(type = SchemaType.STRING, defaultValue = "P90D"), example = "P90D")
                           String activityWindow,
                           @Context HttpHeaders headers) {
        RetentionSeries series = service.series(params, interval, activityWindow, Caller.of(identity));
        if (Csv.wanted(headers)) {
            List<List<Object>> rows = series.periods().stream().map(RetentionSeries.Point::csvRow).toList();
            return Csv.response("retention-series", RetentionSeries.CSV_HEADER, rows);
        }
        return Response.ok(series, MediaType.APPLICATION_JSON).build();
    }
}
