package io.loyalty.security;

import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits with small values. Each test presents its own client address through X-Forwarded-For (trusted
 * here, as behind a proxy), so that one test's throttled address does not throttle another's requests.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
public class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "loyalty.rate-limit.failed-authentication.burst", "5",
                    "loyalty.rate-limit.failed-authentication.per-minute", "1",
                    "loyalty.rate-limit.per-key.requests-per-second", "1",
                    "loyalty.rate-limit.per-key.burst", "5",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    private static String address(int last) {
        return "198.51.100." + last;
    }

    @Test
    void aBurstOfUnknownKeysFromOneAddressIsThrottledWithRetryAfter() {
        String attacker = address(1);
        for (int i = 0; i < 5; i++) {
            TestSupport.as("lk_guess-" + i + "-0000000000000000").header("X-Forwarded-For", attacker)
                    .get("/api/v1/customers").then().statusCode(401);
        }
        Response refused = TestSupport.as("lk_guess-5-0000000000000000").header("X-Forwarded-For", attacker)
                .get("/api/v1/customers");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("detail", containsString("unknown or revoked API key"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        // While throttled, even a valid key from that address is not looked at: guessing gains nothing.
        asAdmin().header("X-Forwarded-For", attacker).get("/api/v1/customers").then().statusCode(429);
        // Other addresses are not affected, and requests without a key still get their 401.
        asAdmin().header("X-Forwarded-For", address(2)).get("/api/v1/customers").then().statusCode(200);
        RestAssured.given().header("X-Forwarded-For", attacker).get("/api/v1/customers").then().statusCode(401);
    }

    @Test
    void aKeyOverItsRateIsRefusedWithRetryAfterAndOtherKeysAreNot() {
        String busy = asAdmin().body(Map.of("name", "Busy storefront", "role", "STOREFRONT")).post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("key");
        String calm = asAdmin().body(Map.of("name", "Calm storefront", "role", "STOREFRONT")).post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("key");
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Response r = TestSupport.as(busy).header("X-Forwarded-For", address(3)).get("/api/v1/customers");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                refused = r;
            }
        }
        assertTrue(refused != null, "20 requests at once exceed a burst of 5: " + statuses);
        assertEquals(200, statuses.get(0));
        refused.then().contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:rate-limited"))
                .body("detail", containsString("rate limit"));
        assertEquals("1", refused.header("Retry-After"));
        TestSupport.as(calm).header("X-Forwarded-For", address(3)).get("/api/v1/customers").then().statusCode(200);
    }
}
