package io.loyalty.common.error;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A request that failed because PostgreSQL cannot be reached is a 503 with Retry-After, not a 500: nothing
 * is wrong with the request, and the same request will succeed once the database is back (the pool makes
 * new connections by itself). Done on the problem rather than in a mapper because the failure arrives wrapped
 * in whatever the layer that met it uses (Hibernate, Agroal, the transaction manager, the security layer).
 */
@ApplicationScoped
public class DatabaseUnavailablePostProcessor implements ProblemPostProcessor {
    /** Seconds a client should wait before retrying: about one pool acquisition timeout. */
    static final String RETRY_AFTER = "5";

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getStatusCode() != 500 || !isConnectionFailure(context.cause)) {
            return problem;
        }
        return Problems.unavailable("unavailable",
                "The database cannot be reached; nothing was changed by this request. Retry it later",
                RETRY_AFTER, problem.getInstance());
    }

    /**
     * Whether the cause chain holds a failure to reach the database: SQLSTATE class 08 (connection exception),
     * JDBC's connection exceptions, Hibernate's translation of them, or the pool giving up waiting for one.
     */
    public static boolean isConnectionFailure(Throwable e) {
        return Problems.causes(e).anyMatch(t -> t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof java.net.ConnectException
                || t instanceof SQLException s && (s.getSQLState() != null && s.getSQLState().startsWith("08")
                || s.getMessage() != null && s.getMessage().contains("acquisition timeout")));
    }

    /** Before the extension's logging (101) and the type (10) post-processors, so they see the 503. */
    @Override
    public int priority() {
        return 200;
    }
}
