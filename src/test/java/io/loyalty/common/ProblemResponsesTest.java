package io.loyalty.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Requests the API cannot serve get RFC 9457 problems with the right status, never a 500. */
@QuarkusTest
public class ProblemResponsesTest {

    @Test
    void unknownPathIs404Problem() {
        asAdmin().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:not-found"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }

    @Test
    void wrongMethodIs405Problem() {
        asAdmin().delete("/api/v1/customers").then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:method-not-allowed"));
    }

    @Test
    void wrongContentTypeIs415Problem() {
        asAdmin().contentType("text/plain").body("hello").post("/api/v1/customers").then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:unsupported-media-type"));
    }

    @Test
    void malformedJsonSaysWhereAndLeaksNoInternals() {
        asAdmin().body("{\"email\": \"a@example.com\",, }").post("/api/v1/customers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:bad-request"))
                .body("detail", containsString("line 1, column"))
                .body("instance", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")))
                .body(not(containsString("at io.")));
    }

    @Test
    void unknownEnumValuesInQueriesAre400NamingTheParameter() {
        asAdmin().queryParam("status", "NOPE").get("/api/v1/redemptions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("status: 'NOPE' is not one of ISSUED, USED, CANCELLED, EXPIRED"));
        asAdmin().queryParam("type", "CASH").get("/api/v1/rewards").then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().queryParam("status", "ACTIVE").queryParam("limit", 1).get("/api/v1/programmes").then().statusCode(200);
    }

    @Test
    void malformedIdsInPathsAre400() {
        asAdmin().get("/api/v1/customers/123").then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().get("/api/v1/api-keys/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz").then().statusCode(400);
    }

    @Test
    void aNulCharacterAnywhereIs400NotA500() {
        asAdmin().queryParam("code", "AB\u0000CD").get("/api/v1/redemptions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:bad-request"))
                .body("detail", equalTo("Text must not contain the NUL character (U+0000)"))
                .body("instance", equalTo("/api/v1/redemptions"));
        asAdmin().body("{\"externalId\": \"nul\\u0000id\"}").post("/api/v1/customers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("Text must not contain the NUL character (U+0000)"));
    }
}
