package io.loyalty.common;

import io.loyalty.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health and metrics are served without a key on the management interface, and only there; the OpenAPI
 * document and Swagger UI stay on the API port.
 */
@QuarkusTest
public class PlatformEndpointsTest {

    @Test
    void readinessReportsTheDatabaseAndTheMigratedSchema() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database schema migrated"))
                .body("checks.find { it.name == 'Database schema migrated' }.data.pending", equalTo(0))
                .body("checks.name", hasItem("Database connections health check"));
        Management.given().get("/q/health/live").then().statusCode(200);
        Management.given().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void metricsAndSwaggerUiNeedNoKey() {
        io.loyalty.TestSupport.asAdmin().get("/api/v1/customers").then().statusCode(200);
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/customers\""));
        RestAssured.get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void theApiPortServesNeitherHealthNorMetrics() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            int status = RestAssured.get(path).then().extract().statusCode();
            assertTrue(status == 404, path + " is not on the API port, got " + status);
        }
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200);
        Management.given().get("/q/openapi").then().statusCode(404);
    }

    @Test
    void everyApiOperationIsDocumentedWithItsErrors() {
        JsonPath doc = RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Loyalty Platform API"))
                .body("components.securitySchemes.ApiKey.type", equalTo("apiKey"))
                .body("components.securitySchemes.ApiKey.in", equalTo("header"))
                .body("components.securitySchemes.ApiKey.name", equalTo("X-API-Key"))
                .body("components.schemas.Problem", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertFalse(paths.isEmpty());
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/v1")) {
                return;
            }
            operations.forEach((method, op) -> {
                String where = method.toUpperCase() + " " + path;
                assertNotNull(op.get("summary"), where + " has a summary");
                assertNotNull(op.get("description"), where + " has a description");
                assertFalse(((List<?>) op.get("tags")).isEmpty(), where + " has a tag");
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                for (String code : List.of("400", "401", "403", "429")) {
                    assertTrue(responses.containsKey(code), where + " documents " + code);
                }
                assertTrue(responses.keySet().stream().anyMatch(c -> c.startsWith("2")), where + " documents success");
            });
        });
    }
}
