package io.loyalty.feedback;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** "Don't add fuel to the fire": nothing is promoted to a customer with an unresolved incident. */
@QuarkusTest
public class SuppressionTest {

    @Test
    void promotionsAreSuppressedWhileAnIncidentIsOpenAndResumeWhenItIsResolved() {
        String p = Incidents.programme();
        String c = Fixtures.member(p);
        Incidents.credit(c, p, 500).then().statusCode(201);
        String reward = Incidents.reward(p, 100);
        asAdmin().get("/api/v1/customers/" + c + "/loyalty").then().statusCode(200)
                .body("promotionsAllowed", equalTo(true)).body("promotionsSuppressed", nullValue());
        asAdmin().get("/api/v1/customers/" + c + "/rewards").then().statusCode(200).body("size()", equalTo(1));

        String first = Incidents.complaint(c);
        String second = Incidents.complaint(c);
        asAdmin().get("/api/v1/customers/" + c + "/loyalty").then().statusCode(200)
                .body("promotionsAllowed", equalTo(false))
                .body("promotionsSuppressed.reason", equalTo("OPEN_INCIDENT"))
                .body("promotionsSuppressed.incidentId", equalTo(first));
        asAdmin().get("/api/v1/customers/" + c + "/rewards").then().statusCode(200).body("size()", equalTo(0));

        // Earning and redeeming what they have keep working.
        Fixtures.post(Fixtures.order(c, new Object[]{"CHAI", "drinks", 1, "60"})).then().statusCode(201);
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", c, "rewardId", reward)).post("/api/v1/redemptions").then().statusCode(201);
        asAdmin().get("/api/v1/customers/" + c + "/loyalty").then()
                .body("programmes[0].points.balance", equalTo(460));

        // One resolved, one still open: still suppressed, now because of the other.
        Incidents.resolve(first, Map.of()).then().statusCode(200);
        asAdmin().get("/api/v1/customers/" + c + "/loyalty").then()
                .body("promotionsAllowed", equalTo(false)).body("promotionsSuppressed.incidentId", equalTo(second));
        // An acknowledged incident is not resolved either.
        asAdmin().body(Map.of("status", "ACKNOWLEDGED")).patch("/api/v1/incidents/" + second).then().statusCode(200);
        asAdmin().get("/api/v1/customers/" + c + "/rewards").then().body("size()", equalTo(0));

        Incidents.resolve(second, Map.of("compensation", Map.of("programmeId", p, "points", 100))).then().statusCode(200);
        asAdmin().get("/api/v1/customers/" + c + "/loyalty").then()
                .body("promotionsAllowed", equalTo(true)).body("promotionsSuppressed", nullValue())
                .body("programmes[0].points.balance", equalTo(560));
        asAdmin().get("/api/v1/customers/" + c + "/rewards").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].redeemableNow", equalTo(true));
    }

    @Test
    void anotherCustomersIncidentChangesNothing() {
        String c = Fixtures.customer();
        Incidents.complaint(Fixtures.customer());
        asAdmin().get("/api/v1/customers/" + c + "/loyalty").then().body("promotionsAllowed", equalTo(true));
    }
}
