package io.loyalty.order;

import io.loyalty.common.error.Problem;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import java.util.UUID;

@Path("/api/v1/imports")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderImportResource {
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final OrderImportService service;
    private final SecurityIdentity identity;

    OrderImportResource(OrderImportService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("orders")
    @Consumes({NDJSON, CSV})
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "importOrders", summary = "Import order history",
            description = """
                    Streams years of past orders in. The body is NDJSON (one POST /orders body per line) or CSV with a \
                    header row and the columns externalId, customerExternalId (or customerId, or customerEmail with \
                    customerFirstName/customerLastName), placedAt (ISO-8601, or a date meaning midnight UTC), currency, \
                    total, discount, shipping, accrue, channel, sku, name, category, quantity, unitPrice; consecutive rows with the \
                    same externalId are one order's lines, and a row without sku is a one-line order worth its total. \
                    Customers are created as needed. Orders do not earn unless accrue is true. Answers 202 at once; \
                    follow `Location` for progress, duplicates skipped, and rejected rows with their line number.""")
    @RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = """
                    externalId,customerExternalId,placedAt,currency,total,sku,quantity,unitPrice
                    legacy-1,cust-7,2024-03-01,INR,120.00,CHAI,2,60.00
                    legacy-2,cust-8,2024-03-02T10:15:00+05:30,INR,85.00,,,""")),
            // The lines of the NDJSON example are written as a JSON array; OpenApiErrorResponsesFilter makes them lines.
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "ndjson",
                    description = "Two orders, one JSON document per line.", value = """
                    [{"externalId": "legacy-1", "customerExternalId": "cust-7", "placedAt": "2024-03-01T10:00:00Z", "currency": "INR", "total": 120.00, "lines": [{"sku": "CHAI", "quantity": 2, "unitPrice": 60.00}]},
                     {"externalId": "legacy-2", "customerExternalId": "cust-8", "placedAt": "2024-03-02T04:45:00Z", "currency": "INR", "total": 85.00, "lines": [{"sku": "SAMOSA", "quantity": 1, "unitPrice": 85.00}]}]"""))})
    @APIResponse(responseCode = "202", description = "Accepted; `Location` points at the job.",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the configured limit (1 GB by default).",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither NDJSON nor CSV.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RestResponse<ImportJobResponse> importOrders(InputStream body, @HeaderParam("Content-Type") String contentType,
                                                        @Context UriInfo uriInfo) {
        OrderImportService.Format format = contentType != null && contentType.startsWith(CSV)
                ? OrderImportService.Format.CSV : OrderImportService.Format.NDJSON;
        ImportJobResponse job = service.submit(body, format, Caller.of(identity));
        return RestResponse.ResponseBuilder.<ImportJobResponse>create(RestResponse.Status.ACCEPTED)
                .location(uriInfo.getBaseUriBuilder().path("api/v1/imports").path(job.id().toString()).build())
                .entity(job).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT})
    @Operation(operationId = "getImportJob", summary = "Get an import", description = "Status and counts of a bulk import (of orders or feedback: see `kind`), with its rejected rows.")
    @APIResponse(responseCode = "200", description = "The import job.")
    @APIResponse(responseCode = "404", description = "No such import.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ImportJobResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
