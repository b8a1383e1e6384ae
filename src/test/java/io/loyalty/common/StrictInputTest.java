package io.loyalty.common;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/** Bodies that two parsers could read differently, or that need a guess to mean anything, are refused. */
@QuarkusTest
public class StrictInputTest {

    private static ValidatableResponse problem400(ValidatableResponse r) {
        return r.statusCode(400).contentType("application/problem+json").body("detail", not(emptyOrNullString()));
    }

    @Test
    void duplicateKeysAreRefusedEverywhere() {
        String id = TestSupport.unique("dup");
        problem400(asAdmin().body("{\"externalId\": \"" + id + "\", \"externalId\": \"other\"}")
                .post("/api/v1/customers").then());
        asAdmin().queryParam("externalId", id).get("/api/v1/customers").then().statusCode(200)
                .body("items.size()", equalTo(0));
        problem400(asAdmin().body("{\"reason\": \"a\", \"reason\": \"b\"}")
                .post("/api/v1/redemptions/" + UUID.randomUUID() + "/cancel").then());
        String c = Fixtures.customer();
        problem400(asAdmin().contentType("application/merge-patch+json").body("{\"firstName\": \"A\", \"firstName\": null}")
                .patch("/api/v1/customers/" + c).then());
    }

    @Test
    void trailingContentAfterTheJsonIsRefused() {
        problem400(asAdmin().body("{\"externalId\": \"" + TestSupport.unique("trail") + "\"}xxx")
                .post("/api/v1/customers").then());
        problem400(asAdmin().body("{\"externalId\": \"" + TestSupport.unique("trail") + "\"} {}")
                .post("/api/v1/customers").then());
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        String p = Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
        String c = Fixtures.member(p);
        var order = Fixtures.order(c, new Object[]{"A", "x", 1, "10"});
        @SuppressWarnings("unchecked")
        var line = (java.util.Map<String, Object>) ((List<?>) order.get("lines")).get(0);
        line.put("quantity", 1.9);
        problem400(Fixtures.post(order).then()).body("violations[0].field", equalTo("lines[0].quantity"));
    }

    @Test
    void numbersAndBooleansAreNotStringsNorStringsBooleans() {
        problem400(asAdmin().body("{\"externalId\": 12345}").post("/api/v1/customers").then())
                .body("violations[0].field", equalTo("externalId"));
        problem400(asAdmin().body("{\"externalId\": \"" + TestSupport.unique("b") + "\", \"firstName\": true}")
                .post("/api/v1/customers").then())
                .body("violations[0].field", equalTo("firstName"));
        problem400(asAdmin().body("{\"externalId\": \"" + TestSupport.unique("b") + "\", \"marketingConsent\": \"true\"}")
                .post("/api/v1/customers").then())
                .body("violations[0].field", equalTo("marketingConsent"));
    }

    @Test
    void illegalCharactersInAPathIdAreA400ProblemEvenWithoutAKey() {
        for (String raw : List.of("a%20b", "%27", "%00", "%7B", "%7D", "%3C", "%3E")) {
            io.restassured.RestAssured.given().urlEncodingEnabled(false).get("/api/v1/customers/" + raw)
                    .then().statusCode(org.hamcrest.Matchers.either(equalTo(400)).or(equalTo(401)))
                    .contentType("application/problem+json");
            asAdmin().urlEncodingEnabled(false).get("/api/v1/customers/" + raw)
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }
}
