package io.loyalty.common;

import io.loyalty.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every response carries an X-Request-Id, every problem body and every log line of the request too. */
@QuarkusTest
public class RequestIdTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aRequestWithoutIdGetsAGeneratedOne() {
        String first = asAdmin().get("/api/v1/customers").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        String second = asAdmin().get("/api/v1/customers").then().statusCode(200).extract().header("X-Request-Id");
        assertNotEquals(first, second);
    }

    @Test
    void theCallersIdIsKeptWhenItIsPlausible() {
        for (String id : List.of("abc-123", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "x".repeat(128),
                "dGVzdA==", "a.b_c:d")) {
            asAdmin().header("X-Request-Id", id).get("/api/v1/customers").then().statusCode(200)
                    .header("X-Request-Id", equalTo(id));
        }
    }

    @Test
    void anImplausibleIdIsReplaced() {
        for (String id : List.of("x".repeat(129), "has space", "<script>", "quote\"d", "semi;colon", "é")) {
            asAdmin().header("X-Request-Id", id).get("/api/v1/customers").then().statusCode(200)
                    .header("X-Request-Id", matchesPattern(UUID));
        }
    }

    @Test
    void problemsCarryTheIdInHeaderAndBody() {
        assertProblemCarries(RestAssured.given().header("X-Request-Id", "req-401").get("/api/v1/customers"), 401, "req-401");
        assertProblemCarries(RestAssured.given().header("X-Request-Id", "req-401b").header("X-API-Key", "nope")
                .get("/api/v1/customers"), 401, "req-401b");
        assertProblemCarries(asRole("ANALYST").header("X-Request-Id", "req-403").body(Map.of("name", "x", "role", "ADMIN"))
                .post("/api/v1/api-keys"), 403, "req-403");
        assertProblemCarries(asAdmin().header("X-Request-Id", "req-404").get("/api/v1/no-such-thing"), 404, "req-404");
        assertProblemCarries(asAdmin().header("X-Request-Id", "req-404b").get("/no-such-thing"), 404, "req-404b");
        assertProblemCarries(asAdmin().header("X-Request-Id", "req-404c")
                .get("/api/v1/customers/" + java.util.UUID.randomUUID()), 404, "req-404c");
        assertProblemCarries(asAdmin().header("X-Request-Id", "req-400").body(Map.of("email", "not-an-email"))
                .post("/api/v1/customers"), 400, "req-400");
        assertProblemCarries(asAdmin().header("X-Request-Id", "req-400b").body("{,").post("/api/v1/customers"), 400, "req-400b");
        assertProblemCarries(asAdmin().header("X-Request-Id", "req-405").delete("/api/v1/customers"), 405, "req-405");
        // A generated id is in the body as well.
        Response generated = RestAssured.get("/api/v1/customers");
        assertProblemCarries(generated, 401, generated.header("X-Request-Id"));
    }

    @Test
    void platformEndpointsCarryTheIdToo() {
        io.loyalty.Management.given().header("X-Request-Id", "req-health").get("/q/health/ready").then()
                .header("X-Request-Id", equalTo("req-health"));
        io.loyalty.Management.given().get("/q/metrics").then().header("X-Request-Id", matchesPattern(UUID));
        RestAssured.given().header("X-Request-Id", "req-openapi").get("/q/openapi").then()
                .header("X-Request-Id", equalTo("req-openapi"));
    }

    @Test
    void browsersMayReadTheRequestIdAndLocation() {
        // Tests run with CORS on for https://shop.example.test; production enables it by configuration.
        String exposed = asAdmin().header("Origin", "https://shop.example.test").get("/api/v1/customers").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://shop.example.test"))
                .extract().header("Access-Control-Expose-Headers");
        assertTrue(exposed != null && exposed.contains("Location") && exposed.contains("X-Request-Id"), exposed);
    }

    @Test
    void everyLogLineOfARequestCarriesItsId() {
        try (LogCapture logs = LogCapture.start()) {
            RestAssured.given().header("X-Request-Id", "req-log-1").get("/test-probe/log").then().statusCode(200);
            RestAssured.given().header("X-Request-Id", "req-log-2").get("/test-probe/log").then().statusCode(200);
            List<LogCapture.Line> probes = logs.lines().stream().filter(l -> l.message().startsWith("probe:")).toList();
            assertEquals(2, probes.size(), probes.toString());
            assertEquals("req-log-1", probes.get(0).requestId());
            assertEquals("req-log-2", probes.get(1).requestId());
        }
    }

    @Test
    void anUnexpectedFailureIsA500WhoseLogLinesAndBodyShareTheId() {
        try (LogCapture logs = LogCapture.start()) {
            assertProblemCarries(RestAssured.given().header("X-Request-Id", "req-500").get("/test-probe/fail"), 500, "req-500");
            List<LogCapture.Line> lines = logs.lines().stream()
                    .filter(l -> l.message().contains("probe") || "ERROR".equals(l.level())).toList();
            assertTrue(lines.stream().anyMatch(l -> "ERROR".equals(l.level())), lines.toString());
            assertFalse(lines.isEmpty());
            lines.forEach(l -> assertEquals("req-500", l.requestId(), l.toString()));
        }
    }

    private static void assertProblemCarries(Response response, int status, String id) {
        response.then().statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", equalTo(id))
                .body("requestId", equalTo(id));
    }
}
