package io.loyalty.tier;

import io.loyalty.common.Ids;
import io.loyalty.common.Timestamps;
import io.loyalty.programme.Membership;
import io.loyalty.programme.TierScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The SQL of the tier package's tables: status rows, qualifying activity, tier changes, payment covers. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class TierStore {
    private final EntityManager em;

    TierStore(EntityManager em) {
        this.em = em;
    }

    /** The status row of a (locked) membership, created when missing. */
    MemberStatus status(Membership m) {
        MemberStatus s = em.find(MemberStatus.class, m.id);
        if (s == null) {
            s = new MemberStatus();
            s.membershipId = m.id;
            s.programmeId = m.programmeId;
            em.persist(s);
        }
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    MemberStatus find(UUID membershipId) {
        return membershipId == null ? null : em.find(MemberStatus.class, membershipId);
    }

    void activity(UUID membershipId, UUID orderId, UUID returnId, Instant occurredAt, long points, BigDecimal spend) {
        em.createNativeQuery("""
                        INSERT INTO tier_activity (id, membership_id, order_id, return_id, occurred_at, points, spend, created_at)
                        VALUES (:id, :m, :o, :r, :at, :p, :s, :now)""")
                .setParameter("id", Ids.newId()).setParameter("m", membershipId).setParameter("o", orderId)
                .setParameter("r", returnId).setParameter("at", occurredAt).setParameter("p", points)
                .setParameter("s", spend).setParameter("now", Timestamps.now())
                .executeUpdate();
    }

    /** What an order still counts, per membership: {membershipId, points, spend}. */
    @SuppressWarnings("unchecked")
    List<Object[]> orderActivity(UUID orderId) {
        return em.createNativeQuery("""
                        SELECT membership_id, sum(points), sum(spend), min(occurred_at) FROM tier_activity WHERE order_id = :o
                        GROUP BY membership_id ORDER BY membership_id""")
                .setParameter("o", orderId).getResultList();
    }

    /** Qualification counted from {@code from} (inclusive) to {@code to} (exclusive; null: no end). */
    @Transactional(Transactional.TxType.SUPPORTS)
    BigDecimal qualification(UUID membershipId, TierScheme.Basis basis, Instant from, Instant to) {
        if (membershipId == null) {
            return BigDecimal.ZERO;
        }
        String column = basis == TierScheme.Basis.SPEND ? "spend" : "points";
        Object sum = em.createNativeQuery("SELECT coalesce(sum(" + column + "), 0) FROM tier_activity "
                        + "WHERE membership_id = :m AND occurred_at >= :from AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)")
                .setParameter("m", membershipId).setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        return new BigDecimal(sum.toString()).max(BigDecimal.ZERO);
    }

    void change(UUID membershipId, String from, String to, TierChangeResponse.Reason reason, String detail, UUID orderId,
                UUID apiKeyId, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO tier_change (id, membership_id, from_tier, to_tier, reason, detail, order_id, api_key_id, occurred_at)
                        VALUES (:id, :m, :f, :t, :r, :d, :o, :k, :at)""")
                .setParameter("id", Ids.newId()).setParameter("m", membershipId).setParameter("f", from)
                .setParameter("t", to).setParameter("r", reason.name()).setParameter("d", detail)
                .setParameter("o", orderId).setParameter("k", apiKeyId).setParameter("at", at)
                .executeUpdate();
    }

    /** The effective covers of a membership's payments. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    List<PaidPeriods.Cover> covers(UUID membershipId) {
        if (membershipId == null) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT covers_from, covers_to FROM membership_payment WHERE membership_id = :m ORDER BY id")
                .setParameter("m", membershipId).getResultList();
        return rows.stream().map(r -> new PaidPeriods.Cover(instant(r[0]), instant(r[1]))).toList();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
