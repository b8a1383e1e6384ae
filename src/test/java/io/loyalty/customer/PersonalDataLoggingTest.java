package io.loyalty.customer;

import io.agroal.api.AgroalDataSource;
import io.loyalty.LockWaits;
import io.loyalty.LogCapture;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.loyalty.TestSupport.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Database errors caused by customer data are answered, and the logs hold none of that data. */
@QuarkusTest
public class PersonalDataLoggingTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDuplicateEmailCaughtByTheDatabaseLogsNeitherTheEmailNorTheName() throws Exception {
        String email = TestSupport.uniqueEmail();
        String name = "Zenobia" + UUID.randomUUID().toString().substring(0, 8);
        try (LogCapture logs = LogCapture.start();
             Connection other = dataSource.getConnection()) {
            // Another writer holds the same email, uncommitted: the service's own check cannot see it, so
            // the request's INSERT waits on the unique index and fails with 23505 once that writer commits.
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("""
                    INSERT INTO customer (id, email, first_name, created_at, updated_at) VALUES (?, ?, ?, now(), now())""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, email);
                insert.setString(3, name);
                insert.executeUpdate();
            }
            CompletableFuture<Response> create = CompletableFuture.supplyAsync(() -> asAdmin()
                    .body(Map.of("email", email, "firstName", name, "lastName", name + "-last")).post("/api/v1/customers"));
            LockWaits.await(dataSource, "insert into customer%", 20, "the request's INSERT never waited on the other writer");
            other.commit();
            create.get(30, TimeUnit.SECONDS).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.equalTo("A customer with this email already exists"));

            assertNoPersonalData(logs, email, name);
        }
    }

    @Test
    void anSqlErrorOnACustomerLogsNeitherTheEmailNorTheName() {
        String email = TestSupport.uniqueEmail();
        String name = "Ysolde" + UUID.randomUUID().toString().substring(0, 8);
        try (LogCapture logs = LogCapture.start()) {
            asAdmin().body(Map.of("email", email, "firstName", name + "\u0000", "lastName", name + "-last"))
                    .post("/api/v1/customers").then().statusCode(400).contentType("application/problem+json");
            assertNoPersonalData(logs, email, name);
        }
    }

    private static void assertNoPersonalData(LogCapture logs, String email, String name) {
        List<LogCapture.Line> lines = logs.lines();
        for (LogCapture.Line line : lines) {
            String text = line.message() + " " + stackText(line.thrown());
            assertTrue(!text.contains(email) && !text.contains(name),
                    "a log line of " + line.logger() + " holds customer data: " + text);
        }
        assertEquals(List.of(), lines.stream().filter(l -> "WARN".equals(l.level()) || "WARNING".equals(l.level())
                || "ERROR".equals(l.level()) || "SEVERE".equals(l.level())).map(LogCapture.Line::logger)
                .filter(l -> l.startsWith("org.hibernate")).toList(), "Hibernate's SQL error lines are not logged");
    }

    private static String stackText(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t).append(' ');
            if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                text.append(sql.getNextException()).append(' ');
            }
        }
        return text.toString();
    }
}
