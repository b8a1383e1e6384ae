package io.loyalty.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs an operation at most once per (client, scope, Idempotency-Key). The key is claimed by inserting
 * its row in the caller's transaction: a concurrent request with the same key waits on that row until
 * the first commits, then gets the stored result; if the first rolls back, the second runs instead.
 * Its statements name their one table ({@link NativeSql#touching}), or run as plain JDBC (a batch's), so they do not
 * make Hibernate write out the caller's pending changes first: a batch of redemptions keeps its rows pending for one
 * write at its end.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final EntityManager em;
    private final ObjectMapper mapper;

    Idempotency(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public record Outcome<T>(T result, boolean firstTime) {
    }

    /** Whether {@link #once} accepts this key (1-200 characters, not only blanks). */
    public static boolean wellFormed(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_KEY_LENGTH;
    }

    public <T> Outcome<T> once(UUID apiKeyId, String scope, String key, Object request, Class<T> type, Supplier<T> action) {
        if (!wellFormed(key)) {
            throw Problems.invalidField(HEADER, "header", "is required: 1-200 characters chosen by the caller, unique per operation");
        }
        byte[] hash = RequestHash.of(mapper, request);
        int claimed = NativeSql.touching(em.createNativeQuery("""
                        INSERT INTO idempotency_record (api_key_id, scope, idempotency_key, request_hash, created_at)
                        VALUES (:k, :s, :i, :h, :now) ON CONFLICT DO NOTHING"""), "idempotency_record")
                .setParameter("k", apiKeyId).setParameter("s", scope).setParameter("i", key)
                .setParameter("h", hash).setParameter("now", Timestamps.now())
                .executeUpdate();
        if (claimed == 1) {
            T result = action.get();
            try {
                NativeSql.touching(em.createNativeQuery("""
                                UPDATE idempotency_record SET status = 200, response = CAST(:r AS jsonb)
                                WHERE api_key_id = :k AND scope = :s AND idempotency_key = :i"""), "idempotency_record")
                        .setParameter("r", mapper.writeValueAsString(result))
                        .setParameter("k", apiKeyId).setParameter("s", scope).setParameter("i", key)
                        .executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot store the result of " + scope, e);
            }
            return new Outcome<>(result, true);
        }
        Object[] row = (Object[]) NativeSql.touching(em.createNativeQuery("""
                        SELECT request_hash, CAST(response AS text) FROM idempotency_record
                        WHERE api_key_id = :k AND scope = :s AND idempotency_key = :i"""), "idempotency_record")
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

    /** One request of a batch whose Idempotency-Key {@link #claimAll} claims. */
    public record Claim(UUID apiKeyId, String key, Object request) {
    }

    /**
     * Claims the keys of a batch in one statement, as {@link #once} claims one: a key a concurrent transaction is
     * claiming is waited for. The caller runs each claimed operation itself and stores the results with {@link
     * #storeAll}; a key used before is not claimed, and its request is answered by {@link #once} on its own (the
     * stored result, or a conflict). Keys must be well-formed and distinct.
     *
     * @return for each claim, whether this transaction holds it now
     */
    public boolean[] claimAll(String scope, List<Claim> claims) {
        if (claims.isEmpty()) {
            return new boolean[0];
        }
        // Claimed in a fixed order, so two batches claiming the same keys queue rather than deadlock. Plain JDBC (see
        // NativeSql.exists): every batch runs this, and the table has no entity whose pending changes could matter.
        Set<String> claimed = new HashSet<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO idempotency_record (api_key_id, scope, idempotency_key, request_hash, created_at)
                    SELECT CAST(x.k AS uuid), ?, x.i, decode(x.h, 'hex'), ?
                    FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) AS x(k, i, h)
                    ORDER BY x.k, x.i
                    ON CONFLICT DO NOTHING RETURNING CAST(api_key_id AS text), idempotency_key""")) {
                s.setString(1, scope);
                s.setObject(2, Timestamps.now().atOffset(ZoneOffset.UTC));
                s.setArray(3, NativeSql.column(c, "text", claims, cl -> cl.apiKeyId().toString()));
                s.setArray(4, NativeSql.column(c, "text", claims, Claim::key));
                s.setArray(5, NativeSql.column(c, "text", claims,
                        cl -> HexFormat.of().formatHex(RequestHash.of(mapper, cl.request()))));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(rs.getString(1) + " " + rs.getString(2));
                    }
                }
            }
        });
        boolean[] result = new boolean[claims.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = claimed.contains(claims.get(i).apiKeyId() + " " + claims.get(i).key());
        }
        return result;
    }

    /** Stores the results of keys {@link #claimAll} claimed, in one statement, for replays to answer with. */
    public void storeAll(String scope, List<Claim> claims, List<?> results) {
        if (claims.isEmpty()) {
            return;
        }
        String[] json = new String[results.size()];
        for (int i = 0; i < json.length; i++) {
            try {
                json[i] = mapper.writeValueAsString(results.get(i));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot store the result of " + scope, e);
            }
        }
        // Each row is found by a primary-key probe (the LATERAL ... LIMIT 1) and updated by its ctid. Joined to the
        // unnest directly, a plan cached while the table was small (a fresh database, statistics not yet gathered)
        // kept hashing the whole key's records for every batch: redemptions slowed from 266/s to 206/s within minutes.
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE idempotency_record r SET status = 200, response = CAST(x.body AS jsonb)
                    FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) AS x(k, i, body)
                    CROSS JOIN LATERAL (SELECT f.ctid AS t FROM idempotency_record f WHERE f.api_key_id = CAST(x.k AS uuid)
                                        AND f.scope = ? AND f.idempotency_key = x.i LIMIT 1) f
                    WHERE r.ctid = f.t""")) {
                s.setArray(1, NativeSql.column(c, "text", claims, cl -> cl.apiKeyId().toString()));
                s.setArray(2, NativeSql.column(c, "text", claims, Claim::key));
                s.setArray(3, c.createArrayOf("text", json));
                s.setString(4, scope);
                s.executeUpdate();
            }
        });
    }
}
