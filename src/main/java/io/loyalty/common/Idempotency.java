package io.loyalty.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs an operation at most once per (client, scope, Idempotency-Key). The key is claimed by inserting
 * its row in the caller's transaction: a concurrent request with the same key waits on that row until
 * the first commits, then gets the stored result; if the first rolls back, the second runs instead.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;
    private final ObjectMapper mapper;

    Idempotency(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public record Outcome<T>(T result, boolean firstTime) {
    }

    public <T> Outcome<T> once(UUID apiKeyId, String scope, String key, Object request, Class<T> type, Supplier<T> action) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw Problems.invalidField(HEADER, "header", "is required: 1-200 characters chosen by the caller, unique per operation");
        }
        byte[] hash = RequestHash.of(mapper, request);
        int claimed = em.createNativeQuery("""
                        INSERT INTO idempotency_record (api_key_id, scope, idempotency_key, request_hash, created_at)
                        VALUES (:k, :s, :i, :h, :now) ON CONFLICT DO NOTHING""")
                .setParameter("k", apiKeyId).setParameter("s", scope).setParameter("i", key)
                .setParameter("h", hash).setParameter("now", Timestamps.now())
                .executeUpdate();
        if (claimed == 1) {
            T result = action.get();
            try {
                em.createNativeQuery("""
                                UPDATE idempotency_record SET status = 200, response = CAST(:r AS jsonb)
                                WHERE api_key_id = :k AND scope = :s AND idempotency_key = :i""")
                        .setParameter("r", mapper.writeValueAsString(result))
                        .setParameter("k", apiKeyId).setParameter("s", scope).setParameter("i", key)
                        .executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot store the result of " + scope, e);
            }
            return new Outcome<>(result, true);
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT request_hash, CAST(response AS text) FROM idempotency_record
                        WHERE api_key_id = :k AND scope = :s AND idempotency_key = :i""")
                .setParameter("k", apiKeyId).setParameter("s", scope).setParameter("i", key)
                .getSingleResult();
        if (!Arrays.equals((byte[]) row[0], hash)) {
            throw Problems.conflict("idempotency-key-reused",
                    "Idempotency-Key '" + key + "' was already used for a different request");
        }
        try {
            return new Outcome<>(mapper.readValue((String) row[1], type), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the stored result of " + scope, e);
        }
    }
}
