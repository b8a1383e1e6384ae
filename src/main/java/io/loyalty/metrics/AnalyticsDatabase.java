package io.loyalty.metrics;

import io.agroal.api.AgroalDataSource;
import io.loyalty.common.error.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;

/**
 * Read-only SQL for the metrics, on the {@code analytics} datasource: the main database unless an operator points
 * it at a read replica (QUARKUS_DATASOURCE_ANALYTICS_JDBC_URL), so that analysts' queries never compete with the
 * order path for its connections. Its connections are read-only and carry a statement timeout.
 */
@ApplicationScoped
public class AnalyticsDatabase {
    /** query_canceled: the statement timeout of the analytics datasource fired. */
    private static final String QUERY_CANCELED = "57014";

    private final AgroalDataSource dataSource;

    AnalyticsDatabase(@DataSource("analytics") AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public <T> T query(Sql sql, Rows<T> rows) {
        try (Connection c = dataSource.getConnection()) {
            if (sql.settings().isEmpty()) {
                return run(c, sql, rows);
            }
            // set_config(..., true) lasts until the end of this transaction only: the pooled connection keeps its
            // defaults. All of the statement's settings in one round trip.
            c.setAutoCommit(false);
            T result;
            try {
                String calls = String.join(", ", Collections.nCopies(sql.settings().size(), "set_config(?, ?, true)"));
                try (PreparedStatement setting = c.prepareStatement("SELECT " + calls)) {
                    int i = 0;
                    for (Map.Entry<String, String> s : sql.settings().entrySet()) {
                        setting.setString(++i, s.getKey());
                        setting.setString(++i, s.getValue());
                    }
                    setting.execute();
                }
                result = run(c, sql, rows);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException broken) {
                    // the connection is gone: the failure that matters is the statement's
                    e.addSuppressed(broken);
                }
                throw e;
            }
            c.rollback();
            c.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                throw tooLong();
            }
            // Connection failures become a 503 in DatabaseUnavailablePostProcessor, which reads the cause.
            throw new IllegalStateException("metrics query failed: " + e.getSQLState(), e);
        }
    }

    private static <T> T run(Connection c, Sql sql, Rows<T> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql.text())) {
            sql.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return rows.read(rs);
            }
        }
    }

    private static HttpProblem tooLong() {
        return Problems.unavailable("metrics-timeout", "The metric took longer than the analytics statement timeout; "
                + "ask for a shorter period or retry when the database is less busy", "30", null);
    }
}
