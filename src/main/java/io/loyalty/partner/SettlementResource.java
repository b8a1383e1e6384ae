package io.loyalty.partner;

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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1/settlements")
@Tag(name = "Coalition partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class SettlementResource {
    private final SettlementService service;
    private final SecurityIdentity identity;

    SettlementResource(SettlementService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "getSettlementReport", summary = "Every partner's settlement, reconciled",
            description = """
                    Per coalition programme with activity in [from, to): every partner's statement, the points the \
                    operator moved itself and that expired, the operator's margin and the change in outstanding \
                    liability. partnersNet + margin.total + liabilityChange = difference, which is 0.""")
    @APIResponse(responseCode = "200", description = "The report.")
    public SettlementReport report(@Parameter(required = true, example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
                                   @Parameter(required = true, example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
                                   @QueryParam("programmeId") UUID programmeId) {
        Instant[] period = period(from, to);
        return service.report(period[0], period[1], programmeId);
    }

    @GET
    @Path("lines")
    @Operation(operationId = "listSettlementLines", summary = "Settlement lines",
            description = "Every line booked in [from, to), optionally of one programme and kind, in ledger order: "
                    + "the drill-down of the report, operator and expiry lines included.")
    @APIResponse(responseCode = "200", description = "One page of lines.")
    public Page<SettlementLineResponse> lines(@Parameter(required = true, example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
                                              @Parameter(required = true, example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
                                              @QueryParam("programmeId") UUID programmeId,
                                              @QueryParam("kind") SettlementKind kind, @BeanParam PageParams page) {
        Instant[] period = period(from, to);
        return service.lines(null, programmeId, kind, period[0], period[1], page.toRequest(), Caller.of(identity));
    }

    @POST
    @Path("closings")
    @Operation(operationId = "closeSettlementPeriod", summary = "Close the settlement periods before an instant",
            description = """
                    Freezes every statement of lines booked before `until`, so that one sent to a partner never \
                    changes: activity recorded afterwards, even dated earlier (a late order, a return, an expiry run \
                    for a past instant), is booked at `until`, the start of the open period. Waits for activity being \
                    recorded at that moment.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ClosingRequest.class),
            examples = @ExampleObject(name = "month-end", value = "{\"until\": \"2026-11-01T00:00:00+05:30\"}")))
    @APIResponse(responseCode = "201", description = "Closed; `Location` points at the list of closings.",
            content = @Content(schema = @Schema(implementation = ClosingResponse.class)))
    @APIResponse(responseCode = "409", description = "Settlements are already closed until then or later, or "
            + "activity never paused long enough to close (retry).",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "period-closed", value = "Settlements are closed until "
                                    + "2026-11-01T00:00:00Z already; a closing must be later"),
                            @ExampleObject(name = "settlement-busy", value = "Points movements of coalition programmes "
                                    + "were being recorded without a pause for 5 seconds; retry the closing")}))
    public RestResponse<ClosingResponse> close(@NotNull @Valid ClosingRequest request, @Context UriInfo uriInfo) {
        ClosingResponse closed = service.close(request.until().toInstant(), Caller.of(identity));
        return RestResponse.ResponseBuilder.<ClosingResponse>created(uriInfo.getAbsolutePathBuilder().build())
                .entity(closed).build();
    }

    @GET
    @Path("closings")
    @Operation(operationId = "listSettlementClosings", summary = "List closings",
            description = "Every closing in the order it was made, each with the one before it.")
    @APIResponse(responseCode = "200", description = "One page of closings.")
    public Page<ClosingResponse> closings(@BeanParam PageParams page) {
        return service.closings(page.toRequest());
    }

    /** A required [from, to) period. */
    static Instant[] period(String from, String to) {
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (f == null || t == null) {
            throw Problems.invalidParameter(f == null ? "from" : "to", "is required: an ISO-8601 timestamp with offset");
        }
        if (!f.isBefore(t)) {
            throw Problems.invalidParameter("to", "must be after from");
        }
        return new Instant[]{f, t};
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(name, "must be an ISO-8601 timestamp with offset such as 2026-01-31T18:30:00Z");
        }
    }
}
