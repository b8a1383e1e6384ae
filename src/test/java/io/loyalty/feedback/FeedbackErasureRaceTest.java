package io.loyalty.feedback;

import io.loyalty.Fixtures;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.loyalty.TestSupport.asAdmin;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Feedback stored while the customer is being erased: the erasure must not miss it. The feedback transaction holds
 * the customer row share-locked from its check to its commit, so the erasure waits and then erases the comment.
 */
@QuarkusTest
class FeedbackErasureRaceTest {
    @Inject
    FeedbackService feedback;
    @Inject
    EntityManager em;

    @Test
    void anErasureDuringAFeedbackTransactionWaitsForItAndErasesItsComment() throws Exception {
        UUID customer = UUID.fromString(Fixtures.customer());
        UUID key = QuarkusTransaction.requiringNew().call(() ->
                (UUID) em.createNativeQuery("SELECT id FROM api_key ORDER BY created_at LIMIT 1").getSingleResult());
        Caller caller = new Caller(key, "test", Role.ADMIN, null);
        CountDownLatch stored = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<UUID> written = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                UUID id = feedback.create(new FeedbackRequest(null, customer, null, FeedbackType.COMPLIMENT, null,
                        "Call me on +91 98765 43210", false, null, null), caller).id();
                stored.countDown();
                Thread.sleep(1500); // not committed yet when the erasure arrives
                return id;
            }));
            assertEquals(true, stored.await(30, SECONDS));
            Future<Integer> erased = pool.submit(() -> asAdmin().post("/api/v1/customers/" + customer + "/erasure").statusCode());
            UUID id = written.get(30, SECONDS);
            assertEquals(200, erased.get(30, SECONDS));
            asAdmin().get("/api/v1/feedback/" + id).then().statusCode(200).body("comment", nullValue());
        } finally {
            pool.shutdownNow();
        }
    }
}
