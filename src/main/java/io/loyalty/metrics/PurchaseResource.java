package io.loyalty.metrics;

import io.loyalty.common.error.Problem;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/metrics/purchases")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.ANALYST, Role.Names.PARTNER})
public class PurchaseResource {
    private final PurchaseService service;
    private final SecurityIdentity identity;

    PurchaseResource(PurchaseService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "getPurchases", summary = "Purchase behaviour over a period",
            description = """
                    Buyers, orders and net revenue in [from, to) (default: the three months before `to`), with purchase \
                    frequency, average order value, revenue per buyer, the repeat-purchase rate in the period and over \
                    the customers' lifetime as of `to`, the returning-customer rate and the historical customer value. \
                    Counted orders are those not fully returned, at their net value. Money in several currencies is \
                    never added up: name a `currency` when the orders are in more than one. A PARTNER key sees only \
                    orders placed with its partner.""")
    @APIResponse(responseCode = "200", description = "The figures, with the counts behind every rate.",
            content = @Content(schema = @Schema(implementation = Purchases.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter, or orders in several currencies and no `currency`.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Purchases purchases(@BeanParam MetricsParams params) {
        return service.purchases(params, Caller.of(identity));
    }
}
