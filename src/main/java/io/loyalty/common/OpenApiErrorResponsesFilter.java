package io.loyalty.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finishes the contract so that a typed client can rely on it:
 * <ul>
 * <li>documents the error responses every {@code /api/v1} operation can give (bad input, missing or unknown key,
 * wrong role, too many requests, server fault, overload or an unreachable database, and an unsupported content type
 * where there is a body), so each
 * resource only declares the ones specific to it;</li>
 * <li>gives every error response the {@code application/problem+json} Problem schema and an example of its status.
 * A resource names the {@code type} of a 409 or 422 in a short form: an example whose name is the type's slug and
 * whose value is only the {@code detail} text; it is expanded here into a whole problem document;</li>
 * <li>declares {@code Location} on every 201 and 202;</li>
 * <li>writes NDJSON request examples, given as a JSON array of lines, as NDJSON;</li>
 * <li>drops the schemas quarkus-resteasy-problem contributes (this API documents its own Problem) and any schema
 * nothing refers to.</li>
 * </ul>
 */
public class OpenApiErrorResponsesFilter implements OASFilter {
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    private static final String SAMPLE_ID = "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70";
    private static final String SAMPLE_REQUEST_ID = "3f1c2a4e-8d7b-4e2f-9a51-0c6d2b7e9f10";
    private static final String OVERLOADED_DETAIL =
            "This instance is serving as many requests as it can (64 at once); this one was not processed. Retry after 1 s";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]+}");

    // Ordered maps only: Map.of iterates in a per-JVM random order, which made the generated
    // openapi/ differ from build to build and failed CI's "contract unchanged" check.
    private static final Map<String, String> COMMON = new LinkedHashMap<>();
    private static final Map<Integer, String[]> STATUS = new LinkedHashMap<>();
    /** What Quarkus and quarkus-resteasy-problem write for the responses they add, which says less than ours. */
    private static final Set<String> GENERIC = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    static {
        COMMON.put("400", "Malformed or invalid input; `violations` lists the invalid fields.");
        COMMON.put("401", "The X-API-Key header is missing, unknown or revoked.");
        COMMON.put("403", "The API key's role may not perform this operation.");
        COMMON.put("429", "Too many requests: the API key is over its rate limit, or this client address presented too many"
                + " unknown or revoked keys. Retry after the seconds in `Retry-After`.");
        COMMON.put("500", "Unexpected server error; the body never contains internal details.");
        COMMON.put("503", "The service cannot take the request now and nothing was changed: `overloaded`, this instance is"
                + " serving as many requests as it can and refused this one at once, without reading it; `unavailable`,"
                + " the database cannot be reached; or `contention`, the request met others changing the same records"
                + " and was rolled back to let them finish. Retry after the seconds in `Retry-After`.");

        // status -> type slug, title, detail of the example used when a resource gives none
        STATUS.put(400, new String[]{"bad-request", "Bad Request", null});
        STATUS.put(401, new String[]{"unauthorized", "Unauthorized", "The API key is unknown or has been revoked"});
        STATUS.put(403, new String[]{"forbidden", "Forbidden", "The role of this API key does not allow this operation"});
        STATUS.put(404, new String[]{"not-found", "Not Found", null});
        STATUS.put(409, new String[]{"conflict", "Conflict", null});
        STATUS.put(413, new String[]{"payload-too-large", "Request Entity Too Large",
                "The request body is larger than 1048576 bytes, the limit for this endpoint"});
        STATUS.put(415, new String[]{"unsupported-media-type", "Unsupported Media Type", null});
        STATUS.put(422, new String[]{"unprocessable", "Unprocessable Content", null});
        STATUS.put(429, new String[]{"rate-limited", "Too Many Requests",
                "This API key made more requests than its rate limit allows; try again in 1 s"});
        STATUS.put(500, new String[]{"internal-error", "Internal Server Error", "An unexpected error occurred"});
        STATUS.put(503, new String[]{"unavailable", "Service Unavailable",
                "The database cannot be reached; nothing was changed by this request. Retry it later"});
    }

    /** Examples carry a requestId exactly when the Problem schema has one, so they always match it. */
    private boolean requestIdInProblems;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Schema problem = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null ? null
                : openAPI.getComponents().getSchemas().get("Problem");
        requestIdInProblems = problem != null && problem.getProperties() != null
                && problem.getProperties().containsKey("requestId");
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1")) {
                item.getOperations().forEach((method, operation) -> {
                    complete(openAPI, path, operation);
                    ndjsonExamples(operation);
                });
            }
        });
        OpenApiSchemas.pruneUnused(openAPI);
    }

    private void complete(OpenAPI openAPI, String path, Operation operation) {
        // An operation that declares it needs no key (an empty security list) cannot answer 401 or 403.
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        COMMON.forEach((code, description) -> {
            if (open && (code.equals("401") || code.equals("403") || code.equals("429"))) {
                return;
            }
            APIResponse response = operation.getResponses().getAPIResponse(code);
            if (response == null) {
                operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description));
            } else if (response.getDescription() == null || GENERIC.contains(response.getDescription())) {
                response.setDescription(description);
            }
        });
        if (operation.getRequestBody() != null && operation.getResponses().getAPIResponse("415") == null) {
            operation.getResponses().addAPIResponse("415", OASFactory.createAPIResponse()
                    .description("The Content-Type is not one of those the request body lists."));
        }
        if (operation.getRequestBody() != null && operation.getResponses().getAPIResponse("413") == null) {
            operation.getResponses().addAPIResponse("413", OASFactory.createAPIResponse()
                    .description("The request body is larger than the limit for JSON requests (1 MB by default)."));
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            int status = Integer.parseInt(code);
            if (status >= 400) {
                problemContent(openAPI, path, operation, status, response);
            }
            if (status == 201 || status == 202) {
                location(response, status);
            }
            if (status == 401 && (response.getHeaders() == null || !response.getHeaders().containsKey("WWW-Authenticate"))) {
                response.addHeader("WWW-Authenticate", OASFactory.createHeader()
                        .description("How to authenticate: `ApiKey header=\"X-API-Key\"`.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
            if ((status == 429 || status == 503) && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before trying again.")
                        .required(true)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
            }
        });
        // Sorted by status code so the contract reads the same on every build.
        operation.getResponses().setAPIResponses(new TreeMap<>(operation.getResponses().getAPIResponses()));
    }

    /**
     * An example value that looks like JSON is parsed by the scanner, which keeps only the first document of an NDJSON
     * body; so an NDJSON example is written in the annotation as a JSON array of its lines and turned back into lines here.
     */
    private static void ndjsonExamples(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType ndjson = operation.getRequestBody().getContent().getMediaType(NDJSON);
        if (ndjson == null || ndjson.getExamples() == null) {
            return;
        }
        ndjson.getExamples().values().forEach(example -> {
            if (example.getValue() instanceof List<?> lines) {
                StringBuilder body = new StringBuilder();
                for (Object line : lines) {
                    try {
                        body.append(JSON.writeValueAsString(line)).append('\n');
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("Unwritable NDJSON example line: " + line, e);
                    }
                }
                example.setValue(body.toString());
            }
        });
    }

    private static void location(APIResponse response, int status) {
        if (response.getHeaders() != null && response.getHeaders().containsKey("Location")) {
            return;
        }
        response.addHeader("Location", OASFactory.createHeader()
                .description(status == 202 ? "Where to follow the progress of the accepted work." : "The URL of what was created.")
                .required(true)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")));
    }

    private void problemContent(OpenAPI openAPI, String path, Operation operation, int status, APIResponse response) {
        MediaType media = response.getContent() == null ? null : response.getContent().getMediaType(PROBLEM_JSON);
        if (media == null) {
            media = OASFactory.createMediaType();
            response.content(OASFactory.createContent().addMediaType(PROBLEM_JSON, media));
        }
        media.schema(OASFactory.createSchema().ref(PROBLEM_REF));
        String[] known = STATUS.getOrDefault(status, new String[]{"http-" + status, "Error", null});
        String instance = PATH_PARAM.matcher(path).replaceAll(SAMPLE_ID);
        Map<String, Example> examples = new LinkedHashMap<>();
        if (media.getExamples() != null && !media.getExamples().isEmpty()) {
            // The short form: the example's name is the type's slug, its value the detail.
            media.getExamples().forEach((slug, example) -> examples.put(slug, example.getValue() instanceof String detail
                    ? example(example.getSummary(), problem(slug, known[1], status, detail, instance, null))
                    : example));
        } else if (status == 400) {
            defaultBadRequests(openAPI, operation, instance, examples);
        } else if (status == 503) {
            // AdmissionControl sheds with the first, DatabaseUnavailablePostProcessor answers the second.
            examples.put("overloaded", example("Past this instance's capacity",
                    problem("overloaded", known[1], status, OVERLOADED_DETAIL, instance, null)));
            examples.put(known[0], example("The database cannot be reached",
                    problem(known[0], known[1], status, known[2], instance, null)));
        } else if (status != 409 && status != 422) {
            // 409 and 422 have one type per cause, which only the resource knows; the contract test fails without one.
            String detail = known[2] != null ? known[2] : switch (status) {
                case 404 -> "The resource " + instance + " does not exist";
                case 415 -> "The Content-Type text/xml is not supported here";
                default -> null;
            };
            examples.put(known[0], example(null, problem(known[0], known[1], status, detail, instance, null)));
        }
        media.setExamples(examples.isEmpty() ? null : examples);
        media.setExample(null);
    }

    /** A 400 is a validation problem with {@code violations} or, for unreadable input, a plain bad request. */
    private void defaultBadRequests(OpenAPI openAPI, Operation operation, String instance, Map<String, Example> examples) {
        String field = firstBodyField(openAPI, operation);
        if (field != null) {
            examples.put("validation", example("A field is invalid", problem("validation", "Bad Request", 400,
                    field + " must not be null", instance, List.of(violation(field, "body", "must not be null")))));
            examples.put("bad-request", example("The body is not JSON", problem("bad-request", "Bad Request", 400,
                    "The request body is not well-formed JSON at line 1, column 2", instance, null)));
        } else if (hasQuery(operation, "limit")) {
            examples.put("validation", example("A parameter is invalid", problem("validation", "Bad Request", 400,
                    "limit must be between 1 and 500", instance, List.of(violation("limit", "query", "must be between 1 and 500")))));
        }
        if (instance.contains(SAMPLE_ID) || examples.isEmpty()) {
            examples.put("malformed-id", example("An id in the path is not a UUID", problem("bad-request", "Bad Request", 400,
                    "'42' is not a valid UUID", instance.replaceFirst(SAMPLE_ID, "42"), null)));
        }
    }

    private static boolean hasQuery(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> name.equals(p.getName()) && p.getIn() != null && "query".equals(p.getIn().toString()));
    }

    /** The first required (or else first) field of the JSON request body, to make the validation example concrete. */
    private static String firstBodyField(OpenAPI openAPI, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().getMediaType("application/json") == null) {
            return null;
        }
        Schema schema = operation.getRequestBody().getContent().getMediaType("application/json").getSchema();
        if (schema != null && schema.getRef() != null && openAPI.getComponents() != null
                && openAPI.getComponents().getSchemas() != null) {
            schema = openAPI.getComponents().getSchemas().get(schema.getRef().substring(SCHEMA_REF_PREFIX.length()));
        }
        if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return null;
        }
        if (schema.getRequired() != null && !schema.getRequired().isEmpty()) {
            return schema.getRequired().get(0);
        }
        return schema.getProperties().keySet().iterator().next();
    }

    private static Example example(String summary, Map<String, Object> value) {
        return OASFactory.createExample().summary(summary).value(value);
    }

    private Map<String, Object> problem(String slug, String title, int status, String detail, String instance,
                                               List<Map<String, Object>> violations) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "urn:loyalty:problem:" + slug);
        p.put("title", title);
        p.put("status", status);
        if (detail != null) {
            p.put("detail", detail);
        }
        p.put("instance", instance);
        if (requestIdInProblems) {
            p.put("requestId", SAMPLE_REQUEST_ID);
        }
        if (violations != null) {
            p.put("violations", violations);
        }
        return p;
    }

    private static Map<String, Object> violation(String field, String in, String message) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("field", field);
        v.put("in", in);
        v.put("message", message);
        return v;
    }
}
