package io.loyalty.common;

import io.loyalty.Fixtures;
import io.loyalty.LogCapture;
import io.loyalty.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators see in the logs: no noise for things that are not errors. */
@QuarkusTest
public class OperationalLoggingTest {

    @Test
    void anIdempotentReplayOfAnOrderLogsNoSqlAndNoWarning() {
        Map<String, Object> order = Fixtures.order(Fixtures.customer(), new Object[]{"SKU-1", "tea", 1, "10.00"});
        try (LogCapture logs = LogCapture.start()) {
            Fixtures.post(order).then().statusCode(201);
            Fixtures.post(order).then().statusCode(200);
            List<LogCapture.Line> noisy = logs.lines().stream()
                    .filter(l -> !"INFO".equals(l.level()) && !"DEBUG".equals(l.level()) && !"FINE".equals(l.level())
                            || l.message().toLowerCase(Locale.ROOT).contains("insert into"))
                    .toList();
            assertTrue(noisy.isEmpty(), noisy.toString());
        }
    }

    @Test
    void aClientThatHangsUpMidUploadIsNotLoggedAsAnError() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/imports/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                        + "X-API-Key: " + PostgresTestDatabase.ADMIN_KEY + "\r\nX-Request-Id: hang-up\r\n"
                        + "Content-Length: 10000000\r\n\r\n"
                        + "externalId,customerExternalId,placedAt,currency,total\n").getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 200; i++) {
                    out.write(("hang-" + i + ",c-1,2024-01-01,INR,10.00\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                Thread.sleep(500);
            }
            // The server notices the closed connection asynchronously; give it a moment to (not) log.
            Thread.sleep(2000);
            List<LogCapture.Line> errors = logs.lines().stream()
                    .filter(l -> "ERROR".equals(l.level()) || "SEVERE".equals(l.level()) || l.message().contains("status=500"))
                    .toList();
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }
}
