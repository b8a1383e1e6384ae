package io.loyalty.metrics;

import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.PageRequest;
import io.loyalty.common.error.Problems;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/metrics/rfm")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST})
public class RfmResource {
    static final List<String> CSV_HEADER = List.of("customerId", "lastOrderAt", "recency", "frequency", "monetary",
            "recencyScore", "frequencyScore", "monetaryScore", "segment");

    private final RfmService service;
    private final SecurityIdentity identity;

    RfmResource(RfmService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "getRfmSegments", summary = "RFM segments",
            description = "Customers with at least one counted order before `asOf`, scored 1-5 on recency (days since the "
                    + "last order), frequency (orders) and monetary (net revenue) with the R package `rfm`'s bins "
                    + "(20/40/60/80th percentiles, type 7) and segmented by the first matching rule of METRICS.md. Every "
                    + "segment is listed in the table's order, empty ones too, with the bin edges used.")
    @APIResponse(responseCode = "200", description = "The segments.",
            content = @Content(schema = @Schema(implementation = RfmSummary.class)))
    public RfmSummary segments(@BeanParam RfmParams params) {
        return service.summary(params.toScope(Caller.of(identity)));
    }

    @GET
    @Path("customers")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listRfmCustomers", summary = "RFM scores per customer",
            description = "Each customer's recency (days), frequency, monetary value, scores and segment as of `asOf`, in "
                    + "customer id order, keyset-paginated; optionally only one segment. `Accept: text/csv` gives the same "
                    + "page as CSV, with the next page's cursor in the `X-Next-Cursor` header.")
    @APIResponse(responseCode = "200", description = "One page of customers.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RfmCustomerPage.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    example = "customerId,lastOrderAt,recency,frequency,monetary,recencyScore,frequencyScore,monetaryScore,segment\r\n"
                            + "0193f0b2-6a1c-7c4e-9d3a-2f1e5b7c8d90,2025-12-20T10:00:00Z,12,7,812.5000,5,4,4,Champions\r\n"))})
    public Response customers(@BeanParam RfmParams params,
                              @QueryParam("segment") @Parameter(description = "Only this segment, by its name "
                                      + "(`Can't Lose Them`) or constant (`CANT_LOSE_THEM`).", example = "Champions") String segment,
                              @BeanParam PageParams page, @Context HttpHeaders headers) {
        RfmSegment wanted = null;
        if (segment != null && !segment.isBlank()) {
            wanted = RfmSegment.parse(segment);
            if (wanted == null) {
                throw Problems.invalidParameter("segment", "must be one of the RFM segments: " + labels());
            }
        }
        PageRequest request = page.toRequest();
        Page<RfmCustomer> result = service.customers(params.toScope(Caller.of(identity)), wanted, request);
        if (!Csv.wanted(headers)) {
            return Response.ok(result, MediaType.APPLICATION_JSON).build();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (RfmCustomer c : result.items()) {
            rows.add(List.of(c.customerId(), c.lastOrderAt(), c.recency(), c.frequency(), c.monetary(), c.recencyScore(),
                    c.frequencyScore(), c.monetaryScore(), c.segment()));
        }
        Response csv = Csv.response("rfm-customers", CSV_HEADER, rows);
        return result.nextCursor() == null ? csv : Response.fromResponse(csv).header("X-Next-Cursor", result.nextCursor()).build();
    }

    private static String labels() {
        List<String> labels = new ArrayList<>();
        for (RfmSegment s : RfmSegment.values()) {
            labels.add(s.label);
        }
        return String.join(", ", labels);
    }

    /** The page type, named for the contract. */
    @Schema(name = "RfmCustomerPage")
    public record RfmCustomerPage(@Schema(required = true) List<RfmCustomer> items,
                                  @Schema(nullable = true, required = true) String nextCursor) {
    }
}
