package io.loyalty.common.error;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.util.Set;

/**
 * A request that PostgreSQL rolled back to break a deadlock, or that waited too long for a lock, is a 503 with
 * Retry-After, not a 500: it changed nothing, nothing is wrong with it, and sent again it will almost always pass.
 * Locks are taken in a fixed order wherever the code can see them coming, so this is rare, but not impossible (two
 * batches of order rows meeting a third transaction's locks in a different order).
 */
@ApplicationScoped
public class ContentionPostProcessor implements ProblemPostProcessor {
    /** deadlock_detected, serialization_failure, lock_not_available (lock_timeout). */
    private static final Set<String> STATES = Set.of("40P01", "40001", "55P03");

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getStatusCode() != 500 || !isContention(context.cause)) {
            return problem;
        }
        return Problems.unavailable("contention", "The request met others changing the same records and was rolled "
                + "back; nothing was changed by it. Send it again", "1", problem.getInstance());
    }

    static boolean isContention(Throwable e) {
        return Problems.causes(e).anyMatch(t -> t instanceof SQLException s && s.getSQLState() != null
                && STATES.contains(s.getSQLState()));
    }

    /** With the other 503s, before the extension's logging (101) and the type (10) post-processors. */
    @Override
    public int priority() {
        return 200;
    }
}
