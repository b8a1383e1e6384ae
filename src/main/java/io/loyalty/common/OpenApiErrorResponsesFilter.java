package io.loyalty.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents the error responses every {@code /api/v1} operation can give (bad input, missing or
 * unknown key, wrong role, server fault), so each resource only declares the ones specific to it.
 */
public class OpenApiErrorResponsesFilter implements OASFilter {

    // Ordered maps only: Map.of iterates in a per-JVM random order, which made the generated
    // openapi/ differ from build to build and failed CI's "contract unchanged" check.
    private static final Map<String, String> COMMON = new LinkedHashMap<>();

    static {
        COMMON.put("400", "Malformed or invalid input; `violations` lists the invalid fields.");
        COMMON.put("401", "The X-API-Key header is missing, unknown or revoked.");
        COMMON.put("403", "The API key's role may not perform this operation.");
        COMMON.put("500", "Unexpected server error; the body never contains internal details.");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1")) {
                item.getOperations().forEach((method, operation) -> addCommonResponses(operation));
            }
        });
    }

    private static void addCommonResponses(Operation operation) {
        COMMON.forEach((code, description) -> {
            if (operation.getResponses().getAPIResponse(code) == null) {
                operation.getResponses().addAPIResponse(code, problemResponse(description));
            }
        });
        // Sorted by status code so the contract reads the same on every build.
        operation.getResponses().setAPIResponses(new TreeMap<>(operation.getResponses().getAPIResponses()));
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(
                                OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }
}
