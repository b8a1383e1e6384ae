package io.loyalty.common;

import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL unreachable while the service runs (the connection cut by a proxy): requests answer a 503
 * problem quickly instead of a 500, readiness goes down, and once the database is back the service recovers
 * without a restart.
 */
@QuarkusTest
@TestProfile(DatabaseOutageProfile.class)
public class DatabaseOutageTest {

    @AfterEach
    void databaseBack() throws Exception {
        DatabaseOutageProfile.proxy.restore();
    }

    @Test
    void whileTheDatabaseIsDownRequestsAnswer503ReadinessIsDownAndTheServiceRecoversByItself() throws Exception {
        String id = TestSupport.asAdmin().body(Map.of("externalId", TestSupport.unique("outage")))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        // A key never used before: its authentication needs the database too.
        String key = TestSupport.asAdmin().body(Map.of("name", "outage", "role", "STOREFRONT"))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        io.loyalty.Management.given().get("/q/health/ready").then().statusCode(200);

        DatabaseOutageProfile.proxy.cut();

        long started = System.nanoTime();
        assertUnavailable(TestSupport.asAdmin().get("/api/v1/customers/" + id));
        assertUnavailable(TestSupport.asAdmin().body(Map.of("externalId", TestSupport.unique("outage")))
                .post("/api/v1/customers"));
        assertUnavailable(TestSupport.as(key).get("/api/v1/customers/" + id));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "three requests took " + took);
        io.loyalty.Management.given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        io.loyalty.Management.given().get("/q/health/live").then().statusCode(200);

        DatabaseOutageProfile.proxy.restore();

        int status = 0;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < deadline; ) {
            status = TestSupport.asAdmin().get("/api/v1/customers/" + id).statusCode();
            if (status == 200) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(200, status, "the service did not recover within 60 s of the database coming back");
        TestSupport.as(key).get("/api/v1/customers/" + id).then().statusCode(200);
        TestSupport.asAdmin().body(Map.of("externalId", TestSupport.unique("outage")))
                .post("/api/v1/customers").then().statusCode(201);
        io.loyalty.Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static void assertUnavailable(Response response) {
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", not(emptyOrNullString()))
                .body("type", equalTo("urn:loyalty:problem:unavailable"))
                .body("status", equalTo(503))
                .body("detail", not(emptyOrNullString()));
    }
}
