package io.loyalty.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI contract is what typed clients are generated from, so what they rely on is checked here: stable
 * operation ids, documented errors with problem bodies whose examples match their status, Location on creations,
 * merge-patch bodies of their own, and text without stray runs of spaces.
 */
@QuarkusTest
public class OpenApiContractTest {
    private static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> TYPE_OF_STATUS = Map.of(
            "401", "urn:loyalty:problem:unauthorized",
            "403", "urn:loyalty:problem:forbidden",
            "404", "urn:loyalty:problem:not-found",
            "415", "urn:loyalty:problem:unsupported-media-type",
            "429", "urn:loyalty:problem:rate-limited",
            "500", "urn:loyalty:problem:internal-error");

    private Map<String, Object> doc;

    /** Read per test: RestAssured knows the test port only once the application runs. */
    @BeforeEach
    void read() {
        JsonPath json = RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        doc = json.getMap("$");
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationIdASummaryAndADescription() {
        Map<String, String> seen = new HashMap<>();
        operations().forEach((where, op) -> {
            Object id = op.get("operationId");
            assertNotNull(id, where + " has an operationId");
            assertTrue(id.toString().matches("[a-z][a-zA-Z0-9]+"), where + ": operationId " + id + " is camelCase");
            String other = seen.put(id.toString(), where);
            assertEquals(null, other, "operationId " + id + " is used by " + where + " and " + other);
            assertFalse(blank(op.get("summary")), where + " has a summary");
            assertFalse(blank(op.get("description")), where + " has a description");
        });
        assertTrue(seen.size() >= 42, "all operations were checked: " + seen.size());
    }

    /** Redocly's tag-description rule, checked here so that a new tag fails the build, not only CI's lint. */
    @Test
    @SuppressWarnings("unchecked")
    void everyTagIsDeclaredWithADescription() {
        Map<String, Object> declared = new HashMap<>();
        for (Map<String, Object> tag : (List<Map<String, Object>>) doc.get("tags")) {
            declared.put(tag.get("name").toString(), tag.get("description"));
        }
        operations().forEach((where, op) -> {
            for (Object tag : (List<Object>) op.getOrDefault("tags", List.of())) {
                assertFalse(blank(declared.get(tag.toString())),
                        where + ": tag '" + tag + "' needs a description in LoyaltyApplication's @OpenAPIDefinition");
            }
        });
    }

    @Test
    void everyErrorResponseIsAProblemWithAnExampleOfItsStatus() {
        operations().forEach((where, op) -> responses(op).forEach((code, response) -> {
            if (!code.startsWith("4") && !code.startsWith("5")) {
                return;
            }
            String at = where + " " + code;
            Map<String, Object> media = map(map(response.get("content")).get(PROBLEM));
            assertNotNull(media, at + " is " + PROBLEM);
            assertEquals("#/components/schemas/Problem", map(media.get("schema")).get("$ref"), at + " uses the Problem schema");
            Map<String, Object> examples = map(media.get("examples"));
            assertTrue(examples != null && !examples.isEmpty(), at + " has an example");
            examples.forEach((name, example) -> {
                Map<String, Object> value = map(map(example).get("value"));
                assertNotNull(value, at + " example " + name + " is a problem document");
                assertEquals(Integer.parseInt(code), ((Number) value.get("status")).intValue(), at + " example " + name + " status");
                String type = (String) value.get("type");
                assertTrue(type != null && type.startsWith("urn:loyalty:problem:"), at + " example " + name + " has a type");
                if (TYPE_OF_STATUS.containsKey(code)) {
                    assertEquals(TYPE_OF_STATUS.get(code), type, at + " example " + name + " type");
                }
                assertNotNull(value.get("title"), at + " example " + name + " has a title");
                assertNotNull(value.get("instance"), at + " example " + name + " has an instance");
            });
        }));
    }

    @Test
    void everyCreationDeclaresLocation() {
        operations().forEach((where, op) -> responses(op).forEach((code, response) -> {
            if (code.equals("201") || code.equals("202")) {
                Map<String, Object> headers = map(response.get("headers"));
                assertTrue(headers != null && headers.containsKey("Location"), where + " " + code + " declares Location");
            }
        }));
    }

    @Test
    void errorsEveryKeyedOperationCanGiveAreDeclared() {
        operations().forEach((where, op) -> {
            for (String code : List.of("400", "401", "403", "429", "500")) {
                assertTrue(responses(op).containsKey(code), where + " declares " + code);
            }
            Map<String, Object> headers = map(map(responses(op).get("429")).get("headers"));
            assertTrue(headers != null && headers.containsKey("Retry-After"), where + " 429 declares Retry-After");
            if (op.get("requestBody") != null) {
                assertTrue(responses(op).containsKey("415"), where + " declares 415");
            }
        });
    }

    /** Any /api/v1 request may be shed past capacity (AdmissionControl), open operations too. */
    @Test
    void everyOperationDeclaresTheOverloaded503WithRetryAfter() {
        operations().forEach((where, op) -> {
            Map<String, Object> unavailable = map(responses(op).get("503"));
            assertNotNull(unavailable, where + " declares 503");
            Map<String, Object> headers = map(unavailable.get("headers"));
            assertTrue(headers != null && headers.containsKey("Retry-After"), where + " 503 declares Retry-After");
            Map<String, Object> examples = map(map(map(unavailable.get("content")).get(PROBLEM)).get("examples"));
            assertEquals("urn:loyalty:problem:overloaded", map(map(examples.get("overloaded")).get("value")).get("type"),
                    where + " 503 has an overloaded example");
        });
    }

    @Test
    void patchBodiesHaveTheirOwnSchemaInBothMediaTypes() {
        List<String> patches = new ArrayList<>();
        operations().forEach((where, op) -> {
            if (!where.startsWith("PATCH ")) {
                return;
            }
            patches.add(where);
            Map<String, Object> content = map(map(op.get("requestBody")).get("content"));
            for (String type : List.of("application/merge-patch+json", "application/json")) {
                Map<String, Object> media = map(content.get(type));
                assertNotNull(media, where + " accepts " + type);
                String ref = (String) map(media.get("schema")).get("$ref");
                assertTrue(ref != null && ref.endsWith("Patch"), where + " " + type + " uses a patch schema, not " + ref);
            }
        });
        assertEquals(6, patches.size(), "customers, programmes, rewards, partners, incidents and games are patched: "
                + patches);
    }

    @Test
    void schemaNamesDoNotCollideAndServersDoNotNameAHost() {
        map(map(doc.get("components")).get("schemas")).keySet().forEach(name ->
                assertFalse(name.matches(".*\\d$"), "schema " + name + " is a renamed duplicate"));
        for (Object server : (List<?>) doc.get("servers")) {
            String url = (String) map(server).get("url");
            assertFalse(url.contains("://"), "server " + url + " depends on where the build ran");
        }
    }

    @Test
    void noTextHasRunsOfSpaces() {
        List<String> found = new ArrayList<>();
        texts(doc, "", found);
        assertEquals(List.of(), found);
    }

    private static void texts(Object node, String path, List<String> found) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v instanceof String s && (k.equals("description") || k.equals("summary")) && s.contains("  ")) {
                    found.add(path + "/" + k);
                } else {
                    texts(v, path + "/" + k, found);
                }
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                texts(l.get(i), path + "/" + i, found);
            }
        }
    }

    /** "METHOD /path" to operation, for every operation under /api/v1. */
    private Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> ops = new java.util.TreeMap<>();
        map(doc.get("paths")).forEach((path, item) -> {
            if (path.startsWith("/api/v1")) {
                map(item).forEach((method, op) -> {
                    if (List.of("get", "put", "post", "patch", "delete").contains(method)) {
                        ops.put(method.toUpperCase() + " " + path, map(op));
                    }
                });
            }
        });
        assertFalse(ops.isEmpty());
        return ops;
    }

    private static Map<String, Map<String, Object>> responses(Map<String, Object> op) {
        Map<String, Map<String, Object>> result = new HashMap<>();
        map(op.get("responses")).forEach((code, r) -> result.put(code, map(r)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static boolean blank(Object o) {
        return o == null || o.toString().isBlank();
    }
}
