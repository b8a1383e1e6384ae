package io.loyalty.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.Fixtures;
import io.loyalty.PostgresTestDatabase;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.loyalty.TestSupport.asAdmin;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Sends malformed variants of every operation of the committed contract (wrong types, missing and extra fields,
 * out-of-range numbers, long strings, NUL and invalid UTF-8, duplicate keys, trailing garbage, illegal path
 * characters, wrong content types, bad cursors and limits) and asserts that none answers 5xx and every 4xx is
 * a problem+json with a detail. Path ids are real ones so that bodies get parsed and validated, not just 404'd.
 * Deterministic: every variant is enumerated, the few random values come from a fixed seed.
 */
@QuarkusTest
public class ContractFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "@@raw@@";
    private static final String PROBLEM = "application/problem+json";
    private static final List<String> ILLEGAL_PATH_IDS = List.of(
            "a%20b", "%27", "%00", "%7B", "%7D", "%3C", "%3E", "%ZZ", "%", "x".repeat(300), "..%2F..%2Fq", "%C3%28");
    private static final List<String> BAD_QUERY_VALUES = List.of(
            "", "%ZZ", "%", "%00", "%C3%28", "-1", "0", "1e400", "NaN", "abc", "9223372036854775808",
            "2026-13-45T99:00:00Z", "%7B%7D", "x".repeat(3000));
    private static final List<String> BAD_CURSORS = List.of("garbage", "eyJ4IjoxfQ", "!!!", "AAAAAAAAAAAAAAAAAAAAAAAA",
            "bnVsbA", "eyJpZCI6InVuZGVmaW5lZCJ9");
    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/octet-stream", "application/json; charset=nope",
            "multipart/form-data; boundary=x");

    private final Random random = new Random(20261127L);
    /** Programmes this test created or may have made AUTOMATIC: closed at the end so no later test's customer joins them. */
    private final List<String> programmes = new ArrayList<>();
    private final Map<String, List<String>> failures = new TreeMap<>();
    private int requests;

    @Test
    void noMalformedRequestGetsA5xxOrAnErrorThatIsNotAProblem() throws Exception {
        JsonNode contract = JSON.readTree(Path.of("openapi/openapi.json").toFile());
        Map<String, String> ids = fixtures();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                fuzz(contract, path.getKey(), op.getKey().toUpperCase(), op.getValue(), ids);
            }
            // A method the path does not have: a 405 problem.
            send("PUT " + path.getKey(), "unsupported method",
                    raw("PUT", concrete(path.getKey(), ids, null, null), true));
        }
        closeProgrammes();
        send("GET /api/v1/nowhere", "unknown path", raw("GET", "/api/v1/nowhere", true));
        send("GET /api/v1/customers", "request line of 20 KB", raw("GET", "/api/v1/customers?externalId="
                + "x".repeat(20_000), true), false);
        send("GET /api/v1/customers", "header of 40 KB", raw("GET", "/api/v1/customers", true, "application/json",
                new byte[0], Map.of("X-Filler", "x".repeat(40_000))), false);
        org.jboss.logging.Logger.getLogger(ContractFuzzTest.class).infof("%d operations, %d requests, %d failing variants",
                operations, requests, failures.values().stream().mapToInt(List::size).sum());
        report();
    }

    private void report() {
        if (!failures.isEmpty()) {
            StringBuilder summary = new StringBuilder("Malformed requests answered badly:\n");
            failures.forEach((operation, list) -> {
                summary.append(operation).append(" (").append(list.size()).append(")\n");
                list.stream().limit(8).forEach(f -> summary.append("    ").append(f).append('\n'));
            });
            fail(summary.toString());
        }
    }

    /**
     * Numbers at and past the edges of a rule's ranges: the programme is refused with a 400, or accepted and
     * then the largest order it can see earns without a 5xx (a pointsPerUnit of 1e18 once made every order 500).
     */
    @Test
    void extremeRuleNumbersAreRefusedOrEarnWithoutA5xx() {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Object rate : List.of(new java.math.BigDecimal("1e18"), new java.math.BigDecimal("1e400"),
                new java.math.BigDecimal("1000"), new java.math.BigDecimal("1000.000001"), new java.math.BigDecimal("0.0000001"))) {
            cases.add(Fixtures.spend("spend", 1));
            cases.get(cases.size() - 1).put("pointsPerUnit", rate);
        }
        Map<String, Object> multiplier = new LinkedHashMap<>(Map.of("id", "x", "type", "MULTIPLIER",
                "multiplier", 100, "categories", List.of("big")));
        for (Map<String, Object> rule : cases) {
            Map<String, Object> body = Fixtures.programmeBody(List.of(rule, Fixtures.spend("second", 1000), multiplier));
            Response created = asAdmin().body(body).post("/api/v1/programmes");
            send("POST /api/v1/programmes", "pointsPerUnit=" + rule.get("pointsPerUnit"), answer(created));
            if (created.statusCode() != 201) {
                continue;
            }
            String customer = Fixtures.member(created.<String>path("id"));
            Response order = Fixtures.post(Fixtures.order(customer, new Object[]{"SKU", "big", 1, "999999999999999.9999"}));
            send("POST /api/v1/orders", "largest order, pointsPerUnit=" + rule.get("pointsPerUnit"), answer(order));
            order.then().statusCode(201);
            programmes.add(created.path("id"));
        }
        for (String bad : List.of("1e18", "1e400", "-1", "0", "1000.0000001")) {
            Response refused = asAdmin().body("{\"name\":\"r\",\"currency\":\"INR\",\"rules\":[{\"type\":\"SPEND\","
                    + "\"pointsPerUnit\":" + bad + "}]}").post("/api/v1/programmes");
            send("POST /api/v1/programmes", "pointsPerUnit=" + bad, answer(refused));
            refused.then().statusCode(400);
        }
        closeProgrammes();
        report();
    }

    @Test
    void aNulInAKeyNameIsA400AndValidationAndMethodProblemsSayWhatIsWrong() {
        asAdmin().body(Map.of("name", "a\u0000b", "role", "STOREFRONT")).post("/api/v1/api-keys")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.equalTo("name must have a visible character and no control characters"));
        asAdmin().body("{}").post("/api/v1/api-keys").then().statusCode(400).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("name"))
                .body("violations.size()", org.hamcrest.Matchers.greaterThan(0));
        asAdmin().body("{}").put("/api/v1/customers").then().statusCode(405).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    private static Answer answer(Response r) {
        return new Answer(r.statusCode(), r.contentType(), r.asString());
    }

    private void closeProgrammes() {
        for (String id : programmes) {
            asAdmin().contentType("application/merge-patch+json").body("{\"status\":\"CLOSED\"}")
                    .patch("/api/v1/programmes/" + id);
        }
    }

    /** Real ids for every kind of path parameter: a member with points, a reward, an order, a redemption, a key. */
    private Map<String, String> fixtures() {
        String programme = Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
        programmes.add(programme);
        String customer = Fixtures.member(programme);
        Response order = Fixtures.post(Fixtures.order(customer, new Object[]{"SKU-1", "chai", 2, "100"}));
        order.then().statusCode(201);
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("programmeId", programme, "points", 1000, "reason", "fuzz"))
                .post("/api/v1/customers/" + customer + "/points/adjustments").then().statusCode(201);
        String reward = asAdmin().body(Map.of("programmeId", programme, "name", TestSupport.unique("reward"),
                        "type", "DISCOUNT_AMOUNT", "cost", 10, "amount", 5))
                .post("/api/v1/rewards").then().statusCode(201).extract().path("id");
        String redemption = asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", customer, "rewardId", reward))
                .post("/api/v1/redemptions").then().statusCode(201).extract().path("id");
        String key = asAdmin().body(Map.of("name", TestSupport.unique("fuzz"), "role", "STOREFRONT"))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("id");
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("customers", customer);
        ids.put("programmes", programme);
        ids.put("rewards", reward);
        ids.put("orders", order.path("id"));
        ids.put("redemptions", redemption);
        ids.put("api-keys", key);
        ids.put("partners", Fixtures.partner(programme));
        ids.put("customerId", customer);
        return ids;
    }

    private void fuzz(JsonNode contract, String template, String method, JsonNode op, Map<String, String> ids) {
        String name = method + " " + template;
        String url = concrete(template, ids, null, null);
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(parameters::add);

        for (JsonNode p : parameters) {
            String in = p.get("name").asText();
            switch (p.get("in").asText()) {
                case "path" -> {
                    for (String bad : ILLEGAL_PATH_IDS) {
                        String badUrl = concrete(template, ids, in, bad);
                        send(name, "path " + in + "=" + abbreviate(bad), raw(method, badUrl, true), routed(bad));
                        send(name, "no key, path " + in + "=" + abbreviate(bad), raw(method, badUrl, false), routed(bad));
                    }
                }
                case "query" -> {
                    List<String> values = new ArrayList<>(BAD_QUERY_VALUES);
                    if (in.equals("after")) {
                        values.addAll(BAD_CURSORS);
                    }
                    if (in.equals("limit")) {
                        values.addAll(List.of("100000", "-2147483649", "1.5", "true"));
                    }
                    for (String bad : values) {
                        send(name, "query " + in + "=" + abbreviate(bad), raw(method, url + "?" + in + "=" + bad, true),
                                routed(bad));
                    }
                }
                case "header" -> {
                    for (String bad : List.of("", " ", "x".repeat(2000), "é", "a,b")) {
                        send(name, "header " + in + "=" + abbreviate(bad), raw(method, url, true, "application/json",
                                "{}".getBytes(StandardCharsets.UTF_8), Map.of(in, bad)));
                    }
                }
                default -> {
                }
            }
        }

        JsonNode content = op.path("requestBody").path("content");
        if (content.isMissingNode()) {
            return;
        }
        String mediaType = content.fieldNames().next();
        for (String wrong : WRONG_CONTENT_TYPES) {
            send(name, "content type " + wrong, raw(method, url, true, wrong, new byte[]{'{', '}'}, Map.of()));
        }
        send(name, "no content type", raw(method, url, true, null, new byte[]{'{', '}'}, Map.of()));
        send(name, "invalid UTF-8", bytes(method, op, mediaType, url, new byte[]{'{', '"', 'a', '"', ':', '"',
                (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
        if (!mediaType.contains("json")) {
            for (String body : List.of("", "\u0000", "garbage,\"unterminated\n" + "x".repeat(5000), "{}")) {
                send(name, "body " + abbreviate(body), bytes(method, op, mediaType, url, body.getBytes(StandardCharsets.UTF_8)));
            }
            return;
        }
        for (String body : List.of("", "null", "[]", "{", "}", "\"s\"", "123", "{}", "{\"a\":", "[".repeat(2000),
                "{\"x\":" + "[".repeat(1500) + "]".repeat(1500) + "}", "{\"\u0000\":1}", "\uFEFF{}")) {
            send(name, "body " + abbreviate(body), json(method, op, mediaType, url, body));
        }
        JsonNode schema = resolve(contract, content.get(mediaType).get("schema"));
        JsonNode sample = sample(contract, schema, 0);
        if (!(sample instanceof ObjectNode object)) {
            return;
        }
        String valid = object.toString();
        send(name, "sample body", json(method, op, mediaType, url, valid));
        send(name, "trailing garbage", json(method, op, mediaType, url, valid + "xxx"));
        send(name, "two documents", json(method, op, mediaType, url, valid + " {}"));
        if (object.size() > 0) {
            String first = object.fieldNames().next();
            send(name, "duplicate key " + first, json(method, op, mediaType, url,
                    "{\"" + first + "\":" + object.get(first) + "," + valid.substring(1)));
        }
        send(name, "extra field", json(method, op, mediaType, url,
                "{\"unexpectedField\":1," + (object.size() > 0 ? valid.substring(1) : "}")));
        schema.path("required").forEach(r -> {
            ObjectNode without = object.deepCopy();
            without.remove(r.asText());
            send(name, "missing " + r.asText(), json(method, op, mediaType, url, without.toString()));
        });
        for (List<Object> leaf : leaves(object, new ArrayList<>())) {
            JsonNode value = at(object, leaf);
            for (String raw : mutations(value)) {
                ObjectNode copy = object.deepCopy();
                set(copy, leaf, JsonNodeFactory.instance.textNode(RAW));
                String body = copy.toString().replace("\"" + RAW + "\"", raw);
                send(name, pointer(leaf) + "=" + abbreviate(raw), json(method, op, mediaType, url, body));
            }
        }
    }

    /** Replacement JSON tokens for a value: other types, and the edges of its own type. */
    private List<String> mutations(JsonNode value) {
        List<String> raws = new ArrayList<>(List.of("null", "{}", "[]"));
        if (value.isNumber()) {
            raws.addAll(List.of("\"12\"", "true", "-1", "0", "1.5", "1e400", "-1e400", "1e18", "NaN", "Infinity",
                    "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(1200), "0." + "0".repeat(1200) + "1",
                    "1e-400", String.valueOf(random.nextLong())));
        } else if (value.isBoolean()) {
            raws.addAll(List.of("\"true\"", "1", "tru"));
        } else if (value.isTextual()) {
            raws.addAll(List.of("12", "false", "\"\"", "\" \"", "\"a\\u0000b\"", "\"\\ud800\"",
                    "\"" + "x".repeat(10_000) + "\"", "\"" + "é".repeat(300) + "\"", "\"{}<>'%00\"",
                    "\"2026-02-30T25:61:00Z\"", "\"-1\"", "\"" + UUID.randomUUID() + "\""));
        } else {
            raws.addAll(List.of("1", "\"s\""));
        }
        return raws;
    }

    private Answer json(String method, JsonNode op, String mediaType, String url, String body) {
        return bytes(method, op, mediaType, url, body.getBytes(StandardCharsets.UTF_8));
    }

    private Answer bytes(String method, JsonNode op, String mediaType, String url, byte[] body) {
        Map<String, String> headers = op.path("parameters").toString().contains("Idempotency-Key")
                ? Map.of("Idempotency-Key", UUID.randomUUID().toString()) : Map.of();
        return raw(method, url, true, mediaType, body, headers);
    }

    /** What came back, from RestAssured or from {@link #raw}. */
    private record Answer(int status, String contentType, String body) {
    }

    private void send(String operation, String variant, Answer response) {
        send(operation, variant, response, true);
    }

    /**
     * Records a failure unless the answer is below 500 and, for a 4xx, a problem with a detail. Requests that
     * Quarkus or Vert.x refuse before any route or filter of the application runs ({@code routed} false) are
     * only held to "no 5xx": Quarkus's root handler answers a request target that {@code java.net.URI} cannot
     * parse (a malformed %-escape) with an empty 400 (only the JVM flag {@code -Dvertx.disableURIValidation=true}
     * turns that off, no configuration property), and Vert.x's HTTP decoder answers a request line or headers over
     * {@code quarkus.http.limits.max-initial-line-length} / {@code max-header-size} with an empty 414 / 431.
     */
    private void send(String operation, String variant, Answer response, boolean routed) {
        requests++;
        int status = response.status();
        if (status == 201 && operation.equals("POST /api/v1/programmes")) {
            try {
                programmes.add(JSON.readTree(response.body()).path("id").asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String contentType = response.contentType();
        String problem = null;
        if (status >= 500) {
            problem = "status " + status;
        } else if (status >= 400 && routed) {
            if (contentType == null || !contentType.startsWith(PROBLEM)) {
                problem = status + " with content type " + contentType;
            } else {
                String detail = null;
                try {
                    detail = JSON.readTree(response.body()).path("detail").asText(null);
                } catch (java.io.IOException e) {
                    detail = null;
                }
                if (detail == null || detail.isBlank()) {
                    problem = status + " without a detail";
                }
            }
        }
        if (problem != null) {
            failures.computeIfAbsent(operation, o -> new ArrayList<>())
                    .add(variant + " -> " + problem + ": " + abbreviate(response.body()));
        }
    }

    /**
     * A request written on a socket, since HTTP clients refuse to send what is tested here: malformed
     * %-escapes and NULs in the request target. The body (if any) is an empty JSON object.
     */
    private static Answer raw(String method, String target, boolean withKey) {
        return raw(method, target, withKey, "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static Answer raw(String method, String target, boolean withKey, String contentType, byte[] body,
                              Map<String, String> headers) {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n");
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (withKey) {
                request.append("X-API-Key: ").append(PostgresTestDatabase.ADMIN_KEY).append("\r\n");
            }
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String answer = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String answerType = null;
            boolean chunked = false;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    answerType = line.substring(13).trim();
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            return new Answer(status, answerType, chunked ? dechunk(answer) : answer);
        } catch (java.io.IOException e) {
            return new Answer(599, null, "connection failed: " + e);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    /** Whether a path or query value gets past Quarkus's check that the request target is a valid URI. */
    private static boolean routed(String value) {
        try {
            new java.net.URI("/x/" + value);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String concrete(String template, Map<String, String> ids, String replaced, String value) {
        String resource = template.split("/")[3];
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String param = m.group(1);
            String id = param.equals(replaced) ? value
                    : ids.getOrDefault(param.equals("id") ? resource : param, UUID.randomUUID().toString());
            m.appendReplacement(url, Matcher.quoteReplacement(id));
        }
        m.appendTail(url);
        return url.toString();
    }

    /** A body with every documented property, from the contract's examples where it has them. */
    private static JsonNode sample(JsonNode contract, JsonNode schema, int depth) {
        schema = resolve(contract, schema);
        JsonNode examples = schema.path("examples");
        if (examples.isArray() && !examples.isEmpty() && !schema.has("$ref")) {
            return examples.get(0);
        }
        if (schema.has("$ref")) {
            JsonNode target = resolve(contract, JSON.createObjectNode().set("$ref", schema.get("$ref")));
            if (examples.isArray() && !examples.isEmpty() && !target.has("properties")) {
                return examples.get(0);
            }
            return sample(contract, target, depth);
        }
        if (schema.has("anyOf")) {
            return sample(contract, schema.get("anyOf").get(0), depth);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.get("type").get(0).asText() : schema.path("type").asText();
        if (schema.has("properties") || type.equals("object")) {
            ObjectNode object = JSON.createObjectNode();
            if (depth < 4) {
                schema.path("properties").fields().forEachRemaining(p ->
                        object.set(p.getKey(), sample(contract, p.getValue(), depth + 1)));
            }
            return object;
        }
        return switch (type) {
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                if (depth < 4) {
                    array.add(sample(contract, schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> JsonNodeFactory.instance.numberNode(1);
            case "number" -> JsonNodeFactory.instance.numberNode(1.5);
            case "boolean" -> JsonNodeFactory.instance.booleanNode(true);
            default -> JsonNodeFactory.instance.textNode("text");
        };
    }

    /** Follows a local $ref, keeping the referring schema's own examples (the contract puts them beside $ref). */
    private static JsonNode resolve(JsonNode contract, JsonNode schema) {
        if (schema == null || !schema.has("$ref") || schema.size() > 1) {
            return schema == null ? JSON.createObjectNode() : schema;
        }
        JsonNode node = contract;
        for (String part : schema.get("$ref").asText().substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    private static List<List<Object>> leaves(JsonNode node, List<Object> at) {
        List<List<Object>> all = new ArrayList<>();
        if (!at.isEmpty()) {
            all.add(at);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                List<Object> next = new ArrayList<>(at);
                next.add(f.getKey());
                all.addAll(leaves(f.getValue(), next));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> next = new ArrayList<>(at);
            next.add(0);
            all.addAll(leaves(node.get(0), next));
        }
        return all;
    }

    private static JsonNode at(JsonNode node, List<Object> path) {
        for (Object p : path) {
            node = p instanceof Integer i ? node.get(i) : node.get((String) p);
        }
        return node;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static String pointer(List<Object> path) {
        StringBuilder s = new StringBuilder();
        for (Object p : path) {
            s.append(p instanceof Integer i ? "[" + i + "]" : (s.length() == 0 ? "" : ".") + p);
        }
        return s.toString();
    }

    private static String abbreviate(String s) {
        String clean = s.replace("\u0000", "\\0").replace("\n", "\\n");
        return clean.length() > 60 ? clean.substring(0, 57) + "...(" + clean.length() + ")" : clean;
    }
}
