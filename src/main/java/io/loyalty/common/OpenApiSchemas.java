package io.loyalty.common;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Tidying of the generated contract's schemas, applied by {@link OpenApiErrorResponsesFilter}. */
final class OpenApiSchemas {
    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

    private OpenApiSchemas() {
    }

    /**
     * quarkus-resteasy-problem adds its own HttpProblem schemas, which nothing here uses, and generic types leave
     * an unused raw schema (Page); a schema nothing refers to only confuses client generators.
     */
    static void pruneUnused(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = new TreeMap<>(openAPI.getComponents().getSchemas());
        schemas.remove("HttpProblem");
        schemas.remove("HttpValidationProblem");
        Set<String> used = new HashSet<>();
        List<Schema> pending = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> pending.add(p.getSchema()));
            }
            item.getOperations().values().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> pending.add(p.getSchema()));
                }
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> pending.add(m.getSchema()));
                }
                op.getResponses().getAPIResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().getMediaTypes().values().forEach(m -> pending.add(m.getSchema()));
                    }
                    if (r.getHeaders() != null) {
                        r.getHeaders().values().forEach(h -> pending.add(h.getSchema()));
                    }
                });
            });
        });
        while (!pending.isEmpty()) {
            Schema s = pending.remove(pending.size() - 1);
            if (s == null) {
                continue;
            }
            if (s.getRef() != null && s.getRef().startsWith(SCHEMA_REF_PREFIX)) {
                String name = s.getRef().substring(SCHEMA_REF_PREFIX.length());
                if (used.add(name) && schemas.containsKey(name)) {
                    pending.add(schemas.get(name));
                }
            }
            if (s.getProperties() != null) {
                pending.addAll(s.getProperties().values());
            }
            pending.add(s.getItems());
            pending.add(s.getNot());
            pending.add(s.getAdditionalPropertiesSchema());
            for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf(), s.getPrefixItems())) {
                if (list != null) {
                    pending.addAll(list);
                }
            }
        }
        schemas.keySet().retainAll(used);
        openAPI.getComponents().setSchemas(schemas);
    }
}
