package io.loyalty.feedback;

import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.fail;

/** Uploads to the bulk imports and waits for their jobs. */
final class Imports {
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private Imports() {
    }

    /** Uploads to /api/v1/imports/{what} and returns the finished job. */
    static Response run(String what, String contentType, String body) throws InterruptedException {
        Response accepted = asAdmin().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/" + what);
        accepted.then().statusCode(202).header("Location", matchesPattern(".*/api/v1/imports/[0-9a-f-]{36}$"));
        String location = accepted.header("Location");
        for (int i = 0; i < 1800; i++) {
            Response job = asAdmin().get(location);
            String status = job.path("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            Thread.sleep(100);
        }
        fail("import did not finish in 3 minutes");
        return null;
    }
}
