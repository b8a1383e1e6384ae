package io.loyalty.common;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JSON endpoint refuses a body over the limit before reading it; the imports keep their large limit. */
@QuarkusTest
public class RequestBodyLimitTest {

    @TestHTTPResource("/api/v1/orders")
    URI orders;

    /** An order whose lines array alone is about {@code bytes} long. */
    private static String hugeOrder(int bytes) {
        StringBuilder b = new StringBuilder("{\"externalId\": \"huge\", \"currency\": \"INR\", \"total\": 1, \"lines\": [");
        String line = "{\"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 1},";
        while (b.length() < bytes) {
            b.append(line);
        }
        return b.append("{\"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 1}]}").toString();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsA413ProblemAndTheConnectionStaysUsable() {
        asAdmin().body(hugeOrder(5 * 1024 * 1024)).post("/api/v1/orders").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", containsString("1048576 bytes"))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
        // The refused body was drained, not left in the pipe: the next request on a connection works.
        asAdmin().get("/api/v1/customers?limit=1").then().statusCode(200);
    }

    /** Posts {@code body} chunked: ofInputStream has no known length, so the client cannot declare one. */
    private HttpResponse<String> postChunked(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(orders)
                .header("X-API-Key", io.loyalty.PostgresTestDatabase.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /* The client writes all 5 MB before it reads: the answer must survive that (drained, not reset), every time. */
    @RepeatedTest(5)
    void aChunkedBodyOverTheLimitIsRefusedWithTheSameProblem() throws Exception {
        HttpResponse<String> response = postChunked(hugeOrder(5 * 1024 * 1024));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("urn:loyalty:problem:payload-too-large"), response.body());
        assertTrue(response.body().contains("1048576 bytes"), response.body());
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadAsUsual() throws Exception {
        // The body reaches the REST layer whole: the order's own validation answers about its thousands of lines.
        HttpResponse<String> response = postChunked(hugeOrder(300 * 1024));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("lines size must be between 0 and 500"), response.body());
    }

    @Test
    void aBodyUnderTheLimitIsReadAsUsual() {
        // About 600 kB of lines: under the limit, so the order's own validation answers (the total is wrong).
        asAdmin().body(hugeOrder(600 * 1024)).post("/api/v1/orders").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
