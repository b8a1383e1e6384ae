package io.loyalty.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the database before anything else observes startup: checks it can be reached (failing with
 * one message that names the settings to fix), creates it in dev mode when it is missing, then runs
 * the Flyway migrations.
 */
@ApplicationScoped
public class DatabaseMigration {
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class);
    private static final String INVALID_CATALOG_NAME = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]*/)([A-Za-z0-9_]+)(\\?.*)?$");

    private final AgroalDataSource dataSource;
    private final Flyway flyway;
    private final LoyaltyConfig config;
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;

    DatabaseMigration(AgroalDataSource dataSource, Flyway flyway, LoyaltyConfig config,
                      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        ensureReachable();
        flyway.migrate();
    }

    private void ensureReachable() {
        try (Connection ignored = dataSource.getConnection()) {
            return;
        } catch (SQLException e) {
            if (INVALID_CATALOG_NAME.equals(sqlState(e)) && config.database().createIfMissing()) {
                createDatabase();
                return;
            }
            throw new DatabaseUnavailableException("Cannot use the PostgreSQL database at " + jdbcUrl
                    + " as user " + username.orElse("(none)") + ": " + rootMessage(e)
                    + ". Start PostgreSQL or set QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME"
                    + " and QUARKUS_DATASOURCE_PASSWORD.");
        }
    }

    private void createDatabase() {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new DatabaseUnavailableException("Database in " + jdbcUrl
                    + " does not exist and its name is not a plain identifier; create it by hand.");
        }
        String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        try (Connection c = new Driver().connect(maintenanceUrl, props); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + m.group(2) + "\"");
            LOG.infof("Created database %s", m.group(2));
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(sqlState(e))) {
                throw new DatabaseUnavailableException("Database " + m.group(2) + " does not exist and could not"
                        + " be created: " + rootMessage(e) + ". Create it or set QUARKUS_DATASOURCE_JDBC_URL.");
            }
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getSQLState() != null) {
                return p.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
