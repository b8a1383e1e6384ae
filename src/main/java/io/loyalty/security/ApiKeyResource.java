package io.loyalty.security;

import io.loyalty.common.Page;
import io.loyalty.common.PageParams;
import io.loyalty.common.error.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

@Path("/api/v1/api-keys")
@Tag(name = "API keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class ApiKeyResource {

    private final ApiKeyService service;

    ApiKeyResource(ApiKeyService service) {
        this.service = service;
    }

    @POST
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "Issues a new API client with one role. The response is the only place the key is ever "
                    + "shown; only a hash is stored. PARTNER keys must name the partner they act for.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiKeyRequest.class),
            examples = {
                    @ExampleObject(name = "storefront", summary = "A web shop's checkout",
                            value = "{\"name\": \"Main web storefront\", \"role\": \"STOREFRONT\"}"),
                    @ExampleObject(name = "analyst", summary = "A BI dashboard",
                            value = "{\"name\": \"Retention dashboard\", \"role\": \"ANALYST\"}"),
                    @ExampleObject(name = "partner", summary = "A coalition partner's checkout",
                            value = "{\"name\": \"Fuel partner POS\", \"role\": \"PARTNER\", "
                                    + "\"partnerId\": \"0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70\"}")}))
    @APIResponse(responseCode = "201", description = "Created; `Location` points at the new key.",
            content = @Content(schema = @Schema(implementation = CreatedApiKey.class)))
    @APIResponse(responseCode = "422", description = "The partner named does not exist.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = io.loyalty.common.error.Problem.class),
                    examples = @ExampleObject(name = "unknown-partner", value = "Partner 0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70 "
                            + "does not exist; create it with POST /api/v1/partners first")))
    public RestResponse<CreatedApiKey> create(@NotNull @Valid ApiKeyRequest request, @Context UriInfo uriInfo) {
        CreatedApiKey created = service.create(request);
        return RestResponse.ResponseBuilder.<CreatedApiKey>created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "Lists API clients in creation order, showing each key's prefix, never the key. "
                    + "Revoked keys are left out unless `includeRevoked=true`.")
    @APIResponse(responseCode = "200", description = "One page of keys.")
    public Page<ApiKeyResponse> list(
            @Parameter(description = "Also list revoked keys.") @QueryParam("includeRevoked") @DefaultValue("false") boolean includeRevoked,
            @BeanParam PageParams page) {
        return service.list(includeRevoked, page.toRequest());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getApiKey", summary = "Get an API key", description = "One API client, without its key.")
    @APIResponse(responseCode = "200", description = "The key's metadata.")
    @APIResponse(responseCode = "404", description = "No such key.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ApiKeyResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The key stops working at once. Revoking a revoked key is a no-op. The last active "
                    + "ADMIN key cannot be revoked (409). The record is kept for audit.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "404", description = "No such key.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is the last active ADMIN key.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "last-admin-key",
                            value = "This is the last active ADMIN key; create another ADMIN key before revoking it")))
    public void revoke(@PathParam("id") UUID id) {
        service.revoke(id);
    }
}
