package io.loyalty.common.error;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.persistence.PessimisticLockException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ContentionPostProcessorTest {
    private final ContentionPostProcessor processor = new ContentionPostProcessor();
    private final HttpProblem internal = HttpProblem.builder().withStatus(500).withTitle("Internal Server Error").build();

    private HttpProblem after(Throwable cause) {
        return processor.apply(internal, ProblemContext.of(cause, "/api/v1/orders"));
    }

    @Test
    void aDeadlockVictimALockTimeoutAndASerializationFailureAre503WithRetryAfter() {
        for (String state : new String[]{"40P01", "55P03", "40001"}) {
            // as Hibernate and the transaction manager deliver it: wrapped, several levels down
            Throwable wrapped = new IllegalStateException("commit failed",
                    new PessimisticLockException("could not execute statement", new SQLException("boom", state)));
            HttpProblem p = after(wrapped);
            assertEquals(503, p.getStatusCode(), state);
            assertEquals("urn:loyalty:problem:contention", String.valueOf(p.getType()), state);
            assertEquals("1", String.valueOf(p.getHeaders().get("Retry-After")), state);
        }
    }

    @Test
    void otherDatabaseErrorsAndOtherStatusesAreLeftAlone() {
        assertSame(internal, after(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION)));
        assertSame(internal, after(new IllegalArgumentException("no database involved")));
        HttpProblem conflict = HttpProblem.builder().withStatus(409).build();
        assertSame(conflict, processor.apply(conflict, ProblemContext.of(new SQLException("x", "40P01"), "/")));
    }
}
