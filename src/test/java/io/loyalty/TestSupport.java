package io.loyalty;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Shared helpers: authenticated requests per role, and unique values so tests never collide. */
public final class TestSupport {
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private TestSupport() {
    }

    public static RequestSpecification asAdmin() {
        return as(PostgresTestDatabase.ADMIN_KEY);
    }

    /** A request with a key of the given role, created once per test run through the API itself. */
    public static RequestSpecification asRole(String role) {
        if ("ADMIN".equals(role)) {
            return asAdmin();
        }
        String key = KEYS.computeIfAbsent(role, r -> r.equals("PARTNER")
                ? Fixtures.partnerKey(Fixtures.partner(Fixtures.programme(List.of(Fixtures.spend("spend", 1)))))
                : asAdmin().body(Map.of("name", "test " + r, "role", r)).post("/api/v1/api-keys")
                .then().statusCode(201)
                .extract().path("key"));
        return as(key);
    }

    public static RequestSpecification as(String key) {
        return RestAssured.given().contentType(ContentType.JSON).header("X-API-Key", key);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static String uniqueEmail() {
        return unique("user").toLowerCase() + "@example.com";
    }

    /** Runs the call n times at once (up to 16 threads) and returns the results. */
    public static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 16));
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(call);
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
