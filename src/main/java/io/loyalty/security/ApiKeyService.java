package io.loyalty.security;

import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ApiKeyService {
    static final String AUTHENTICATION_CACHE = "api-key-authentication";

    private final EntityManager em;
    private final PartnerDirectory partners;

    ApiKeyService(EntityManager em, PartnerDirectory partners) {
        this.em = em;
        this.partners = partners;
    }

    public CreatedApiKey create(ApiKeyRequest request) {
        if ((request.role() == Role.PARTNER) != (request.partnerId() != null)) {
            throw Problems.invalidField("partnerId", "body", request.role() == Role.PARTNER
                    ? "is required for a PARTNER key" : "is only allowed for a PARTNER key");
        }
        if (request.partnerId() != null && !partners.exists(request.partnerId())) {
            throw Problems.unprocessable("unknown-partner", "Partner " + request.partnerId()
                    + " does not exist; create it with POST /api/v1/partners first");
        }
        String secret = ApiKeys.generate();
        ApiKey key = new ApiKey();
        key.id = Ids.newId();
        key.name = request.name().strip();
        key.role = request.role();
        key.partnerId = request.partnerId();
        key.keyHash = ApiKeys.hash(secret);
        key.fingerprint = ApiKeys.fingerprint(key.keyHash);
        key.createdAt = Timestamps.now();
        key.persist();
        return new CreatedApiKey(key.id, key.name, key.role, key.partnerId, secret, key.fingerprint, key.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiKeyResponse get(UUID id) {
        return ApiKeyResponse.from(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApiKeyResponse> list(boolean includeRevoked, PageRequest page) {
        Keyset query = Keyset.where();
        if (!includeRevoked) {
            query.and("revokedAt is null");
        }
        return query.page(em, ApiKey.class, page, k -> k.id, ApiKeyResponse::from);
    }

    /**
     * Revokes a key; revoking a revoked key changes nothing. The last active ADMIN key cannot be
     * revoked, so an installation can never lock its administrators out.
     */
    @CacheInvalidateAll(cacheName = AUTHENTICATION_CACHE)
    public void revoke(UUID id) {
        ApiKey key = find(id);
        if (!key.isActive()) {
            return;
        }
        if (key.role == Role.ADMIN) {
            // Lock every active admin key so that two concurrent revocations cannot both pass the check.
            List<ApiKey> admins = em.createQuery(
                            "from ApiKey where role = :role and revokedAt is null", ApiKey.class)
                    .setParameter("role", Role.ADMIN)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            if (admins.size() <= 1) {
                throw Problems.conflict("last-admin-key",
                        "This is the last active ADMIN key; create another ADMIN key before revoking it");
            }
        }
        key.revokedAt = Timestamps.now();
    }

    /**
     * Resolves a key, given as its SHA-256 hash, to its client. The hash of a 256-bit random key is the
     * lookup handle: knowing where it is stored reveals nothing an attacker could use. Results are cached
     * briefly (see application.properties) so that a request costs no database round trip for
     * authentication; the cache is keyed by the hash, never by the key itself.
     */
    @CacheResult(cacheName = AUTHENTICATION_CACHE)
    public Optional<Caller> authenticate(String keyHashHex) {
        byte[] presented = HexFormat.of().parseHex(keyHashHex);
        return ApiKey.<ApiKey>find("keyHash = ?1 and revokedAt is null", (Object) presented).firstResultOptional()
                .map(k -> new Caller(k.id, k.name, k.role, k.partnerId));
    }

    /**
     * Guarantees an active ADMIN key with the given value. Safe when several instances start at once:
     * the unique hash makes the insert a no-op for all but one, and a revoked one is reactivated.
     */
    @CacheInvalidateAll(cacheName = AUTHENTICATION_CACHE)
    public void ensureAdminKey(String value, String name) {
        if (value.length() < ApiKeys.MIN_LENGTH) {
            throw new IllegalArgumentException("LOYALTY_ADMIN_API_KEY must be at least " + ApiKeys.MIN_LENGTH
                    + " characters long");
        }
        Instant now = Timestamps.now();
        em.createNativeQuery("""
                        INSERT INTO api_key (id, name, role, fingerprint, key_hash, created_at)
                        VALUES (:id, :name, 'ADMIN', :fingerprint, :hash, :now)
                        ON CONFLICT (key_hash) DO UPDATE SET revoked_at = NULL, role = 'ADMIN', partner_id = NULL
                        """)
                .setParameter("id", Ids.newId())
                .setParameter("name", name)
                .setParameter("fingerprint", ApiKeys.fingerprint(ApiKeys.hash(value)))
                .setParameter("hash", ApiKeys.hash(value))
                .setParameter("now", now)
                .executeUpdate();
    }

    private static ApiKey find(UUID id) {
        ApiKey key = ApiKey.findById(id);
        if (key == null) {
            throw Problems.notFound("API key", id);
        }
        return key;
    }
}
