package io.loyalty.metrics;

import io.loyalty.TestSupport;
import io.restassured.response.Response;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.fail;

/** Orders, returns and imports for metrics tests, each test on a channel of its own. */
final class MetricsFixtures {
    private MetricsFixtures() {
    }

    static String channel() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A one-line order of {@code total} placed at {@code at} on {@code channel}; returns its id. */
    static String order(String customerId, Instant at, String total, String channel) {
        return order(customerId, at, total, channel, true);
    }

    /** The same; {@code accrue: false} stores history that earns nothing and enrols nobody. */
    static String order(String customerId, Instant at, String total, String channel, boolean accrue) {
        Map<String, Object> line = Map.of("sku", "X", "quantity", 1, "unitPrice", new BigDecimal(total));
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", TestSupport.unique("order"));
        body.put("customerId", customerId);
        body.put("placedAt", at.toString());
        body.put("currency", "INR");
        body.put("lines", List.of(line));
        body.put("total", new BigDecimal(total));
        body.put("channel", channel);
        body.put("accrue", accrue);
        return asAdmin().body(body).post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    /** Returns part of an order's value (not tied to lines). */
    static void returnAmount(String orderId, String amount) {
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", new BigDecimal(amount), "reason", "test"))
                .post("/api/v1/orders/" + orderId + "/returns").then().statusCode(201);
    }

    /** Returns the whole (one-line, one-unit) order: it stops counting. */
    static void returnAll(String orderId) {
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1)), "reason", "test"))
                .post("/api/v1/orders/" + orderId + "/returns").then().statusCode(201);
    }

    /** Uploads a CSV through the bulk import and waits for it to complete. */
    static Response importCsv(String csv) throws InterruptedException {
        Response accepted = asAdmin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/orders");
        accepted.then().statusCode(202).header("Location", matchesPattern(".*/api/v1/imports/[0-9a-f-]{36}$"));
        for (int i = 0; i < 1200; i++) {
            Response job = asAdmin().get(accepted.header("Location"));
            String status = job.path("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            Thread.sleep(100);
        }
        fail("import did not finish in 120 s");
        return null;
    }

    /** A file of the shared data directory (../shared/data beside the repository or a worktree), or null. */
    static Path shared(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
