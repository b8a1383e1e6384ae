package io.loyalty.customer;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;

/**
 * One customer check everywhere: a customer named in the path who does not exist is a 404, one named in
 * the body of an order a 422 {@code unknown-customer}; enrolment documents a 404 for both.
 */
@QuarkusTest
public class UnknownCustomerTest {

    private static void notFound(Response r, UUID customer) {
        r.then().statusCode(404)
                .body("type", equalTo("urn:loyalty:problem:not-found"))
                .body("detail", equalTo("Customer " + customer + " does not exist"));
    }

    @Test
    void aCustomerInThePathWhoDoesNotExistIsNotFound() {
        UUID nobody = UUID.randomUUID();
        String base = "/api/v1/customers/" + nobody;
        String p = Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
        notFound(asAdmin().get(base + "/points"), nobody);
        notFound(asAdmin().get(base + "/points/ledger"), nobody);
        notFound(asAdmin().get(base + "/loyalty"), nobody);
        notFound(asAdmin().get(base + "/memberships"), nobody);
        notFound(asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("programmeId", p, "points", 5, "reason", "goodwill"))
                .post(base + "/points/adjustments"), nobody);
        notFound(asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("name", "birthday")).post(base + "/events"), nobody);
        notFound(asAdmin().delete("/api/v1/programmes/" + p + "/members/" + nobody), nobody);
        notFound(asAdmin().body(Map.of("customerId", nobody)).post("/api/v1/programmes/" + p + "/members"), nobody);
    }

    @Test
    void aCustomerInAnOrderWhoDoesNotExistIsUnprocessable() {
        UUID nobody = UUID.randomUUID();
        Map<String, Object> order = Fixtures.order(nobody.toString(), new Object[]{"A", "x", 1, "10"});
        Fixtures.post(order).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:unknown-customer"))
                .body("detail", equalTo("Customer " + nobody + " does not exist"));
        order.remove("customerId");
        order.put("customerExternalId", "nobody-" + nobody);
        Fixtures.post(order).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:unknown-customer"));
    }
}
