package io.loyalty;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each test run a throwaway database on the real PostgreSQL server and drops it afterwards, so
 * tests never see dev data and can run while dev mode runs. The server is the one named by
 * QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME/_PASSWORD) when set, else localhost:5432 as postgres.
 */
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.GLOBAL)
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {
    public static final String ADMIN_KEY = "test-admin-key-" + UUID.randomUUID();
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]*/)([^?]*)(\\?.*)?$");

    private String maintenanceUrl;
    private String database;
    private final String user = env("QUARKUS_DATASOURCE_USERNAME").orElse("postgres");
    private final String password = env("QUARKUS_DATASOURCE_PASSWORD").orElse("");

    @Override
    public Map<String, String> start() {
        Matcher m = URL.matcher(env("QUARKUS_DATASOURCE_JDBC_URL").orElse("jdbc:postgresql://localhost:5432/postgres"));
        if (!m.matches()) {
            throw new IllegalStateException("QUARKUS_DATASOURCE_JDBC_URL is not a jdbc:postgresql:// URL");
        }
        String params = m.group(3) == null ? "" : m.group(3);
        maintenanceUrl = m.group(1) + "postgres" + params;
        database = "loyalty_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", m.group(1) + database + params,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password,
                "loyalty.admin-api-key", ADMIN_KEY,
                // A packaged app under @QuarkusIntegrationTest runs in prod mode, where test-port means nothing.
                "quarkus.management.port", org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.management.test-port", String.class).orElse("9001"));
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + maintenanceUrl + " (" + e.getMessage()
                    + "). Start it or set QUARKUS_DATASOURCE_JDBC_URL/_USERNAME/_PASSWORD.", e);
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
