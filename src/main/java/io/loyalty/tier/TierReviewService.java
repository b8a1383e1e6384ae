package io.loyalty.tier;

import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import io.loyalty.programme.TierScheme;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reviews tiers at the end of their windows (and of grace periods), and ends pins. Safe with several instances:
 * a per-programme advisory lock keeps instances from doing the same work side by side, and each member is
 * re-checked under its membership lock, so a review moved past {@code asOf} is never done twice.
 */
@ApplicationScoped
public class TierReviewService {
    private static final int BATCH = 200;
    /** A member overdue for many windows (the job was off for years) is caught up this many reviews per run. */
    private static final int MAX_REVIEWS_PER_MEMBER = 50;

    private final EntityManager em;
    private final TierStore store;

    TierReviewService(EntityManager em, TierStore store) {
        this.em = em;
        this.store = store;
    }

    private record Totals(int members, int reviewed, int kept, int downgraded, int grace, int pins) {
        Totals plus(Totals o) {
            return new Totals(members + o.members, reviewed + o.reviewed, kept + o.kept, downgraded + o.downgraded,
                    grace + o.grace, pins + o.pins);
        }
    }

    /** @param wait wait for another instance's run (an admin's request), or skip the programme (the job) */
    @Transactional(Transactional.TxType.NEVER)
    public TierReviewResponse run(UUID programmeId, Instant asOf, boolean wait) {
        if (asOf.isAfter(Timestamps.now())) {
            throw Problems.invalidParameter("asOf", "must not be in the future: reviews judge windows that have ended");
        }
        Programme p = QuarkusTransaction.requiringNew().call(() -> Programme.<Programme>findById(programmeId));
        if (p == null) {
            throw Problems.notFound("Programme", programmeId);
        }
        if (p.tiers == null) {
            throw Problems.unprocessable("no-tiers", "Programme " + programmeId + " has no tiers");
        }
        Totals totals = new Totals(0, 0, 0, 0, 0, 0);
        while (true) {
            Totals batch = QuarkusTransaction.requiringNew().call(() -> batch(p, asOf, wait));
            if (batch == null) {
                break;
            }
            totals = totals.plus(batch);
            if (batch.members() < BATCH) {
                break;
            }
        }
        return new TierReviewResponse(programmeId, asOf, totals.reviewed(), totals.kept(), totals.downgraded(),
                totals.grace(), totals.pins());
    }

    private Totals batch(Programme p, Instant asOf, boolean wait) {
        String lock = wait ? "SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"
                : "SELECT pg_try_advisory_xact_lock(hashtextextended(:k, 0))";
        if (Boolean.FALSE.equals(em.createNativeQuery(lock).setParameter("k", "tiers:" + p.id).getSingleResult())) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        SELECT membership_id FROM member_status WHERE programme_id = :p
                          AND (review_at <= :asOf OR grace_until <= :asOf OR pinned_until <= :asOf)
                        ORDER BY membership_id LIMIT :batch""")
                .setParameter("p", p.id).setParameter("asOf", asOf).setParameter("batch", BATCH).getResultList();
        Totals totals = new Totals(due.size(), 0, 0, 0, 0, 0);
        for (UUID id : due) {
            Membership m = em.find(Membership.class, id, LockModeType.PESSIMISTIC_WRITE);
            MemberStatus s = em.find(MemberStatus.class, id);
            totals = totals.plus(member(p, m, s, asOf));
        }
        em.flush();
        return totals;
    }

    private Totals member(Programme p, Membership m, MemberStatus s, Instant asOf) {
        int pins = 0;
        if (s.pinnedUntil != null && !s.pinnedUntil.isAfter(asOf)) {
            store.change(m.id, s.pinnedTier, Standing.name(p.tiers, Standing.earnedIndex(p.tiers, s)),
                    TierChangeResponse.Reason.PIN_ENDED, "pin ended", null, null, s.pinnedUntil);
            s.pinnedTier = null;
            s.pinReason = null;
            s.pinnedUntil = null;
            pins = 1;
        }
        int reviewed = 0;
        int kept = 0;
        int downgraded = 0;
        int grace = 0;
        TierScheme scheme = p.tiers;
        for (int i = 0; i < MAX_REVIEWS_PER_MEMBER; i++) {
            boolean inGrace = s.graceUntil != null;
            Instant at = inGrace ? s.graceUntil : s.reviewAt;
            if (at == null || at.isAfter(asOf)) {
                break;
            }
            reviewed++;
            int current = Standing.earnedIndex(scheme, s);
            BigDecimal qualification = store.qualification(m.id, scheme.basis(),
                    TierRules.windowEndingAt(scheme, p.zone(), at), at);
            TierRules.Review review = TierRules.atReview(scheme.downgradeOrDefault(), current,
                    scheme.qualifiedIndex(qualification), scheme.graceDaysOrZero(), inGrace);
            String counted = "qualification " + qualification.stripTrailingZeros().toPlainString();
            if (review.grace()) {
                grace++;
                s.graceUntil = at.plus(Duration.ofDays(scheme.graceDaysOrZero()));
                store.change(m.id, s.tier, s.tier, TierChangeResponse.Reason.GRACE_STARTED,
                        counted + " is under the threshold; the tier is kept until " + s.graceUntil, null, null, at);
                continue;
            }
            s.graceUntil = null;
            int after = Math.max(scheme.qualifiedIndex(BigDecimal.ZERO), review.tier());
            if (after == current) {
                kept++;
            } else {
                downgraded++;
                store.change(m.id, s.tier, Standing.name(scheme, after), TierChangeResponse.Reason.REVIEW,
                        counted + " in the window ending " + at + "; policy " + scheme.downgradeOrDefault(), null, null, at);
                s.tier = Standing.name(scheme, after);
                s.tierSince = at;
            }
            boolean losable = after >= 0 && scheme.levels().get(after).threshold().signum() > 0;
            s.reviewAt = losable ? TierRules.reviewAfter(scheme, p.zone(), at) : null;
        }
        return new Totals(0, reviewed, kept, downgraded, grace, pins);
    }
}
