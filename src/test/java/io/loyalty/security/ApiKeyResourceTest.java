package io.loyalty.security;

import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
public class ApiKeyResourceTest {
    static final String PATH = "/api/v1/api-keys";

    @Test
    void createShowsTheKeyOnceAndTheKeyWorksWithItsRole() {
        Response created = asAdmin().body(Map.of("name", "Checkout", "role", "STOREFRONT")).post(PATH);
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/api-keys/[0-9a-f-]{36}$"))
                .body("name", equalTo("Checkout"))
                .body("role", equalTo("STOREFRONT"))
                .body("partnerId", nullValue())
                .body("key", startsWith("lk_"))
                .body("createdAt", notNullValue());
        String key = created.path("key");
        String id = created.path("id");
        // 256 random bits, base64url: 43 characters after the marker
        org.junit.jupiter.api.Assertions.assertEquals(46, key.length());
        // The creator learns the fingerprint listings will show, to recognise the key later.
        org.junit.jupiter.api.Assertions.assertEquals(sha256Hex(key).substring(0, 8), created.path("fingerprint"));

        TestSupport.as(key).get("/api/v1/customers").then().statusCode(200);
        TestSupport.as(key).get(PATH).then().statusCode(403);

        asAdmin().get(PATH + "/" + id).then().statusCode(200)
                .body("fingerprint", equalTo(sha256Hex(key).substring(0, 8)))
                .body("keyPrefix", nullValue())
                .body(not(containsString(key.substring(0, 8))))
                .body("key", nullValue())
                .body(not(containsString(key)));
        asAdmin().queryParam("limit", 500).get(PATH).then().statusCode(200)
                .body("items.id", hasItem(id))
                .body(not(containsString(key)));
    }

    @Test
    void revokedKeysStopWorkingAtOnceAndRevokingTwiceIsHarmless() {
        Response created = asAdmin().body(Map.of("name", "Temp", "role", "ANALYST")).post(PATH);
        String key = created.path("key");
        String id = created.path("id");
        TestSupport.as(key).get("/api/v1/customers").then().statusCode(200);

        asAdmin().delete(PATH + "/" + id).then().statusCode(204);
        TestSupport.as(key).get("/api/v1/customers").then().statusCode(401)
                .contentType("application/problem+json");
        asAdmin().delete(PATH + "/" + id).then().statusCode(204);
        asAdmin().get(PATH + "/" + id).then().statusCode(200).body("revokedAt", notNullValue());

        asAdmin().queryParam("limit", 500).get(PATH).then().body("items.id", not(hasItem(id)));
        asAdmin().queryParam("limit", 500).queryParam("includeRevoked", true).get(PATH).then()
                .body("items.id", hasItem(id));
    }

    @Test
    void partnerKeysNeedAPartnerAndOnlyTheyMayHaveOne() {
        asAdmin().body(Map.of("name", "Partner", "role", "PARTNER")).post(PATH).then().statusCode(400)
                .body("violations[0].field", equalTo("partnerId"));
        asAdmin().body(Map.of("name", "Shop", "role", "STOREFRONT", "partnerId", UUID.randomUUID().toString()))
                .post(PATH).then().statusCode(400)
                .body("violations[0].field", equalTo("partnerId"));
        asAdmin().body(Map.of("name", "Partner", "role", "PARTNER", "partnerId", UUID.randomUUID().toString()))
                .post(PATH).then().statusCode(422).body("type", equalTo("urn:loyalty:problem:unknown-partner"));
        String partner = io.loyalty.Fixtures.partner(io.loyalty.Fixtures.programme(List.of(io.loyalty.Fixtures.spend("s", 1))));
        asAdmin().body(Map.of("name", "Partner", "role", "PARTNER", "partnerId", partner)).post(PATH).then()
                .statusCode(201).body("partnerId", equalTo(partner));
    }

    @Test
    void badInputIs400() {
        asAdmin().body(Map.of("name", "x", "role", "KING")).post(PATH).then().statusCode(400)
                .body("violations[0].field", equalTo("role"))
                .body("detail", containsString("ADMIN, STOREFRONT, PARTNER, ANALYST"))
                .body(not(containsString("io.loyalty")));
        asAdmin().body(Map.of("role", "ADMIN")).post(PATH).then().statusCode(400)
                .body("violations.field", hasItem(containsString("name")));
        asAdmin().body(Map.of("name", " ", "role", "ADMIN")).post(PATH).then().statusCode(400);
        asAdmin().body(Map.of("name", "x".repeat(101), "role", "ADMIN")).post(PATH).then().statusCode(400);
        asAdmin().get(PATH + "/nope").then().statusCode(400);
        asAdmin().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
        asAdmin().delete(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void onlyAdminsManageKeys() {
        for (String role : List.of("STOREFRONT", "PARTNER", "ANALYST")) {
            asRole(role).get(PATH).then().statusCode(403);
            asRole(role).body(Map.of("name", "x", "role", "ADMIN")).post(PATH).then().statusCode(403);
        }
        io.restassured.RestAssured.given().get(PATH).then().statusCode(401);
    }

    @Test
    void theLastActiveAdminKeyCannotBeRevoked() {
        Response admins = asAdmin().queryParam("limit", 500).get(PATH);
        List<Map<String, Object>> items = admins.jsonPath().getList("items");
        String secondAdmin = asAdmin().body(Map.of("name", "Second admin", "role", "ADMIN")).post(PATH)
                .then().statusCode(201).extract().path("id");
        // Revoke every admin key but the bootstrap one this test run authenticates with.
        String bootstrapPrefix = ApiKeys.fingerprint(ApiKeys.hash(io.loyalty.PostgresTestDatabase.ADMIN_KEY));
        String bootstrapId = null;
        for (Map<String, Object> k : items) {
            if ("ADMIN".equals(k.get("role")) && bootstrapPrefix.equals(k.get("fingerprint"))) {
                bootstrapId = (String) k.get("id");
            } else if ("ADMIN".equals(k.get("role"))) {
                asAdmin().delete(PATH + "/" + k.get("id")).then().statusCode(204);
            }
        }
        asAdmin().delete(PATH + "/" + secondAdmin).then().statusCode(204);
        asAdmin().delete(PATH + "/" + bootstrapId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:last-admin-key"));
        asAdmin().get(PATH).then().statusCode(200).body("items.size()", greaterThanOrEqualTo(1));
    }

    private static String sha256Hex(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
