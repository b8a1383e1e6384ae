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

@Path("/api/v1/metrics/cohorts")
@Tag(name = "Metrics")
@RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST, Role.Names.PARTNER})
public class CohortResource {
    private final CohortService service;
    private final SecurityIdentity identity;

    CohortResource(CohortService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "getCohorts", summary = "Cohort retention matrix",
            description = """
                    Customers grouped by the calendar month (or ISO week, Monday to Sunday) in `timezone` of their first \
                    counted order ever, for first orders in [from, to) (default: the twelve months before `to`). Cell \
                    (c, k) counts the customers of cohort c with a counted order in bucket c + k and divides by the \
                    cohort size (k = 0 is the cohort itself, 1.0). Buckets are cut at `from` and `to`; at most 1,000. \
                    The revenue view adds the cohort's cumulative net revenue per customer through bucket c + k, and \
                    needs a single currency. `Accept: text/csv` gives one row per cell.""")
    @APIResponse(responseCode = "200", description = "The cohorts in time order.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Cohorts.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    example = "cohort,size,offset,customers,share,revenuePerCustomer\r\n2025-01,812,0,812,1.000000,"
                            + "1240.5000\r\n2025-01,812,1,203,0.250000,1630.2500\r\n"))})
    public Response cohorts(@BeanParam MetricsParams params,
                            @QueryParam("granularity") @Parameter(description = "Bucket: calendar month or ISO week.",
                                    schema = @Schema(type = SchemaType.STRING, enumeration = {"month", "week"},
                                            defaultValue = "month")) String granularity,
                            @QueryParam("view") @Parameter(description = "customers: counts and shares; revenue: also "
                                    + "cumulative net revenue per cohort customer.", schema = @Schema(type = SchemaType.STRING,
                                    enumeration = {"customers", "revenue"}, defaultValue = "customers")) String view,
                            @Context HttpHeaders headers) {
        Cohorts cohorts = service.cohorts(params, granularity, view, Caller.of(identity));
        if (Csv.wanted(headers)) {
            return Csv.response("cohorts", Cohorts.CSV_HEADER, cohorts.csvRows());
        }
        return Response.ok(cohorts, MediaType.APPLICATION_JSON).build();
    }
}
