package io.loyalty.security;

import io.agroal.api.AgroalDataSource;
import io.loyalty.PostgresTestDatabase;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.loyalty.TestSupport.asAdmin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an auditor checks: keys are stored only as hashes, and the bootstrap key behaves. */
@QuarkusTest
public class ApiKeyStorageTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ApiKeyService service;

    @Test
    void onlyASha256HashOfTheKeyIsStored() throws Exception {
        Response created = asAdmin().body(Map.of("name", "Audit", "role", "ANALYST")).post("/api/v1/api-keys");
        String key = created.path("key");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM api_key WHERE id = ?")) {
            s.setObject(1, UUID.fromString(created.path("id")));
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)),
                        rs.getBytes("key_hash"));
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    assertFalse(value instanceof String text && (text.contains(key.substring(8)) || text.contains(key.substring(0, 8))),
                            "column " + rs.getMetaData().getColumnName(i) + " holds the secret");
                }
            }
        }
    }

    @Test
    void listingsShowAFingerprintOfTheBootstrapKeyAndNoneOfItsCharacters() {
        String bootstrap = PostgresTestDatabase.ADMIN_KEY;
        String listing = asAdmin().queryParam("limit", 500).get("/api/v1/api-keys").then().statusCode(200)
                .extract().asString();
        assertTrue(listing.contains("\"fingerprint\":\"" + ApiKeys.fingerprint(ApiKeys.hash(bootstrap)) + "\""));
        // Any 8 characters of the key's random part (8 hex digits: a chance match is negligible).
        String random = bootstrap.substring(bootstrap.length() - 36);
        for (int i = 0; i + 8 <= random.length(); i++) {
            assertFalse(listing.contains(random.substring(i, i + 8)), "the listing shows part of the bootstrap key");
        }
    }

    @Test
    void theConfiguredAdminKeyIsGuaranteedAndReactivatedOnEveryStart() {
        String value = "ops-admin-" + UUID.randomUUID();
        service.ensureAdminKey(value, "ops");
        service.ensureAdminKey(value, "ops");
        TestSupport.as(value).get("/api/v1/api-keys").then().statusCode(200);

        String id = asAdmin().queryParam("limit", 500).get("/api/v1/api-keys").jsonPath()
                .getString("items.find { it.fingerprint == '" + ApiKeys.fingerprint(ApiKeys.hash(value)) + "' }.id");
        asAdmin().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        TestSupport.as(value).get("/api/v1/api-keys").then().statusCode(401);

        service.ensureAdminKey(value, "ops");
        TestSupport.as(value).get("/api/v1/api-keys").then().statusCode(200);
        assertEquals(1, asAdmin().queryParam("limit", 500).queryParam("includeRevoked", true)
                .get("/api/v1/api-keys").jsonPath()
                .getList("items.findAll { it.fingerprint == '" + ApiKeys.fingerprint(ApiKeys.hash(value)) + "' }").size());
    }

    @Test
    void twoConcurrentRevocationsCannotRemoveTheLastTwoAdminKeys() throws Exception {
        // Leave exactly two admin keys: the bootstrap one and a fresh one.
        String bootstrapPrefix = ApiKeys.fingerprint(ApiKeys.hash(PostgresTestDatabase.ADMIN_KEY));
        String bootstrapId = null;
        for (Map<String, Object> k : asAdmin().queryParam("limit", 500).get("/api/v1/api-keys")
                .jsonPath().<Map<String, Object>>getList("items")) {
            if (!"ADMIN".equals(k.get("role"))) {
                continue;
            }
            if (bootstrapPrefix.equals(k.get("fingerprint"))) {
                bootstrapId = (String) k.get("id");
            } else {
                asAdmin().delete("/api/v1/api-keys/" + k.get("id")).then().statusCode(204);
            }
        }
        Response second = asAdmin().body(Map.of("name", "Second", "role", "ADMIN")).post("/api/v1/api-keys");
        String secondKey = second.path("key");
        String secondId = second.path("id");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> codes = new ArrayList<>();
        try {
            String first = bootstrapId;
            List<Callable<Integer>> calls = List.of(
                    () -> TestSupport.as(secondKey).delete("/api/v1/api-keys/" + first).statusCode(),
                    () -> TestSupport.as(PostgresTestDatabase.ADMIN_KEY).delete("/api/v1/api-keys/" + secondId).statusCode());
            for (Future<Integer> f : pool.invokeAll(calls)) {
                codes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
            // Whatever happened, the rest of the run authenticates with the bootstrap key.
            service.ensureAdminKey(PostgresTestDatabase.ADMIN_KEY, "Bootstrap admin (LOYALTY_ADMIN_API_KEY)");
        }
        assertEquals(1, codes.stream().filter(c -> c == 204).count(), "codes: " + codes);
        assertTrue(codes.stream().anyMatch(c -> c == 409 || c == 401), "codes: " + codes);
    }
}
