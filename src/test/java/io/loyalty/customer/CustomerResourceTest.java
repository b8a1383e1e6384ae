package io.loyalty.customer;

import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
public class CustomerResourceTest {
    static final String PATH = "/api/v1/customers";

    static Map<String, Object> newCustomer() {
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", TestSupport.unique("cust"));
        body.put("email", TestSupport.uniqueEmail());
        body.put("firstName", "Asha");
        body.put("lastName", "Patil");
        body.put("phone", "+91 98765 43210");
        body.put("birthDate", "1990-04-17");
        body.put("marketingConsent", true);
        return body;
    }

    static String create(Map<String, Object> body) {
        return asAdmin().body(body).post(PATH).then().statusCode(201).extract().path("id");
    }

    @Test
    void createAnswers201WithLocationAndTheStoredCustomer() {
        Map<String, Object> body = newCustomer();
        Response response = asRole("STOREFRONT").body(body).post(PATH);
        response.then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", matchesPattern(".*/api/v1/customers/[0-9a-f-]{36}$"))
                .body("id", notNullValue())
                .body("externalId", equalTo(body.get("externalId")))
                .body("email", equalTo(body.get("email")))
                .body("firstName", equalTo("Asha"))
                .body("lastName", equalTo("Patil"))
                .body("phone", equalTo("+91 98765 43210"))
                .body("birthDate", equalTo("1990-04-17"))
                .body("marketingConsent", equalTo(true))
                .body("createdAt", endsWith("Z"))
                .body("updatedAt", endsWith("Z"));

        String id = response.path("id");
        asRole("ANALYST").get(response.header("Location")).then().statusCode(200)
                .body("id", equalTo(id))
                .body("createdAt", equalTo(response.path("createdAt")));
    }

    @Test
    void aCustomerNeedsOnlyAnExternalIdOrAnEmail() {
        asAdmin().body(Map.of("externalId", TestSupport.unique("only-ext"))).post(PATH).then().statusCode(201)
                .body("email", nullValue())
                .body("marketingConsent", equalTo(false));
        asAdmin().body(Map.of("email", TestSupport.uniqueEmail())).post(PATH).then().statusCode(201)
                .body("externalId", nullValue());
        asAdmin().body(Map.of("firstName", "Nobody")).post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("externalId"));
    }

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource(delimiter = '|', value = {
            "email|not-an-email",
            "phone|call me",
            "birthDate|2999-01-01",
            "firstName|" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "externalId|' padded '"})
    void eachInvalidFieldIsA400NamingTheField(String field, String value) {
        Map<String, Object> body = newCustomer();
        body.put(field, value.replace("'", ""));
        asAdmin().body(body).post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo(PATH))
                .body("violations.field", org.hamcrest.Matchers.hasItem(field));
    }

    @Test
    void wrongTypesAndUnknownFieldsAre400sWithoutJavaNames() {
        Map<String, Object> body = newCustomer();
        body.put("birthDate", "17/04/1990");
        asAdmin().body(body).post(PATH).then().statusCode(400)
                .body("violations[0].field", equalTo("birthDate"))
                .body("detail", equalTo("birthDate must be a date such as 2026-01-31"));

        body = newCustomer();
        body.put("marketingConsent", List.of(1));
        asAdmin().body(body).post(PATH).then().statusCode(400)
                .body("violations[0].field", equalTo("marketingConsent"))
                .body(org.hamcrest.Matchers.not(containsString("java")));

        body = newCustomer();
        body.put("emial", "typo@example.com");
        asAdmin().body(body).post(PATH).then().statusCode(400)
                .body("violations[0].field", equalTo("emial"))
                .body("violations[0].message", equalTo("is not a known field"));

        asAdmin().body("{\"email\": ").post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not well-formed JSON"));
        asAdmin().body("[]").post(PATH).then().statusCode(400).contentType("application/problem+json");
        asAdmin().post(PATH).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void duplicateExternalIdOrEmailIs409() {
        Map<String, Object> first = newCustomer();
        String id = create(first);

        Map<String, Object> sameExternal = newCustomer();
        sameExternal.put("externalId", first.get("externalId"));
        asAdmin().body(sameExternal).post(PATH).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:duplicate-external-id"))
                .body("detail", containsString(id));

        Map<String, Object> sameEmailOtherCase = newCustomer();
        sameEmailOtherCase.put("email", ((String) first.get("email")).toUpperCase());
        asAdmin().body(sameEmailOtherCase).post(PATH).then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:duplicate-email"));
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateExactlyOneCustomer() throws Exception {
        String email = TestSupport.uniqueEmail();
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Map<String, Object> body = newCustomer();
                body.put("email", i % 2 == 0 ? email : email.toUpperCase());
                calls.add(() -> asAdmin().body(body).post(PATH).statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), "codes: " + codes);
            assertEquals(threads - 1, codes.stream().filter(c -> c == 409).count(), "codes: " + codes);
        } finally {
            pool.shutdownNow();
        }
        asAdmin().queryParam("email", email).get(PATH).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void lookUpByExternalIdOrEmailAndNoMatchIsAnEmptyList() {
        Map<String, Object> body = newCustomer();
        String id = create(body);
        asRole("ANALYST").queryParam("externalId", body.get("externalId")).get(PATH).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("nextCursor", nullValue());
        asRole("STOREFRONT").queryParam("email", ((String) body.get("email")).toUpperCase()).get(PATH).then()
                .statusCode(200)
                .body("items[0].id", equalTo(id));
        asAdmin().queryParam("externalId", "no-such-" + id).get(PATH).then().statusCode(200)
                .body("items", empty())
                .body("nextCursor", nullValue());
    }

    @Test
    void unknownIdIs404AndMalformedIdIs400() {
        asAdmin().get(PATH + "/0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:not-found"))
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo(PATH + "/0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70"));
        asAdmin().get(PATH + "/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not a valid UUID"));
        asAdmin().body(Map.of("firstName", "x")).patch(PATH + "/0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70")
                .then().statusCode(404);
    }

    @Test
    void keysAndRolesAreEnforced() {
        Map<String, Object> body = newCustomer();
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(body).post(PATH).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-API-Key"))
                .body("type", equalTo("urn:loyalty:problem:unauthorized"));
        TestSupport.as("lk_this-key-does-not-exist-anywhere").get(PATH).then().statusCode(401)
                .body("detail", containsString("unknown or has been revoked"));
        asRole("ANALYST").body(body).post(PATH).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:forbidden"));
        asRole("PARTNER").get(PATH).then().statusCode(403);
        asRole("ANALYST").body(Map.of("firstName", "x")).patch(PATH + "/" + create(body)).then().statusCode(403);
    }

    @Test
    void patchMergesChangesClearsNullsAndKeepsTheRest() {
        Map<String, Object> body = newCustomer();
        String id = create(body);
        Map<String, Object> patch = new HashMap<>();
        patch.put("lastName", "Patil-Deshmukh");
        patch.put("phone", null);
        asRole("STOREFRONT").contentType("application/merge-patch+json").body(patch).patch(PATH + "/" + id)
                .then().statusCode(200)
                .body("lastName", equalTo("Patil-Deshmukh"))
                .body("phone", nullValue())
                .body("firstName", equalTo("Asha"))
                .body("email", equalTo(body.get("email")))
                .body("birthDate", equalTo("1990-04-17"))
                .body("marketingConsent", equalTo(true));
        asAdmin().get(PATH + "/" + id).then().body("lastName", equalTo("Patil-Deshmukh")).body("phone", nullValue());
    }

    @Test
    void patchIsValidatedLikeACreate() {
        Map<String, Object> other = newCustomer();
        create(other);
        String id = create(newCustomer());
        asAdmin().body(Map.of("email", "broken")).patch(PATH + "/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("email"))
                .body("violations[0].in", equalTo("body"));
        asAdmin().body(Map.of("birthDate", "yesterday")).patch(PATH + "/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("birthDate"));
        asAdmin().body(Map.of("id", "x")).patch(PATH + "/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
        Map<String, Object> clearBoth = new HashMap<>();
        clearBoth.put("email", null);
        clearBoth.put("externalId", null);
        asAdmin().body(clearBoth).patch(PATH + "/" + id).then().statusCode(400);
        asAdmin().body(Map.of("email", ((String) other.get("email")).toUpperCase())).patch(PATH + "/" + id)
                .then().statusCode(409).body("type", equalTo("urn:loyalty:problem:duplicate-email"));
        asAdmin().body("[]").patch(PATH + "/" + id).then().statusCode(400);
        asAdmin().patch(PATH + "/" + id).then().statusCode(400);
    }

    @Test
    void concurrentPatchesOfDifferentFieldsAreAllApplied() throws Exception {
        String id = create(newCustomer());
        Map<String, Object> p1 = Map.of("firstName", "Meera");
        Map<String, Object> p2 = Map.of("lastName", "Iyer");
        Map<String, Object> p3 = Map.of("phone", "+91 90000 00000");
        Map<String, Object> p4 = Map.of("birthDate", LocalDate.of(1999, 9, 9).toString());
        Map<String, Object> p5 = Map.of("marketingConsent", false);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (Map<String, Object> p : List.of(p1, p2, p3, p4, p5)) {
                calls.add(() -> asAdmin().body(p).patch(PATH + "/" + id).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        asAdmin().get(PATH + "/" + id).then().statusCode(200)
                .body("firstName", equalTo("Meera"))
                .body("lastName", equalTo("Iyer"))
                .body("phone", equalTo("+91 90000 00000"))
                .body("birthDate", equalTo("1999-09-09"))
                .body("marketingConsent", equalTo(false));
    }
}
