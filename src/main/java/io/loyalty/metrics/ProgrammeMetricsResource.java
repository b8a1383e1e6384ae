package io.loyalty.metrics;

import io.loyalty.common.error.Problem;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/metrics/programmes")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST})
public class ProgrammeMetricsResource {
    private final ProgrammeMetricsService service;
    private final SecurityIdentity identity;

    ProgrammeMetricsResource(ProgrammeMetricsService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getProgrammeMetrics", summary = "Programme effectiveness",
            description = "For a programme and the period [from, to): members at `to`, joins and leaves; points issued, "
                    + "redeemed, expired and reversed (and refunded, adjusted, apart); redemption rate and realised "
                    + "breakage; outstanding points at `to` and their liability; members versus comparable non-members "
                    + "by RFM segment as of `from` with the weighted uplift; reward cost by RFM segment with the share "
                    + "that went to Champions and Loyal Customers. A NATURAL programme answers the same. A programme with a "
                    + "fee adds `paidMembership` (fee revenue, renewal rate, lapses, paid members at `to`); one with "
                    + "coalition partners adds `coalition` (points issued and redeemed per partner, and the share of "
                    + "points redeemed with a partner other than the one that issued them).")
    @APIResponse(responseCode = "200", description = "The programme's figures.",
            content = @Content(schema = @Schema(implementation = ProgrammeMetrics.class)))
    @APIResponse(responseCode = "404", description = "No such programme.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ProgrammeMetrics metrics(@PathParam("id") UUID id, @BeanParam ProgrammeMetricsParams params) {
        return service.metrics(id, params.toScope(Caller.of(identity)));
    }
}
