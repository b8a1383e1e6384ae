package io.loyalty.reward;

import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Whether a customer may redeem a reward: its eligibility rules and its limit per customer. Shared by
 * redeeming (which refuses) and the customer view (which lists the same reasons as blockers).
 */
@ApplicationScoped
class RewardEligibility {
    private final EntityManager em;

    RewardEligibility(EntityManager em) {
        this.em = em;
    }

    /** Why a member may not redeem a reward, in words; empty when they may. */
    static List<String> ineligibility(Reward r, Membership m) {
        List<String> why = new ArrayList<>();
        Eligibility e = r.eligibility;
        long earned = m == null ? 0 : m.earned;
        if (e.minLifetimePoints() != null && earned < e.minLifetimePoints()) {
            why.add("needs " + e.minLifetimePoints() + " lifetime points earned, has " + earned);
        }
        // Tiers and paid membership do not exist yet, so nobody holds one.
        if (e.minTier() != null) {
            why.add("needs tier " + e.minTier() + " or above");
        }
        if (Boolean.TRUE.equals(e.paidMembersOnly())) {
            why.add("only for paid members");
        }
        return why;
    }

    boolean limitReached(Reward r, UUID customerId, Programme p, Instant now) {
        if (r.limitPerCustomer == null) {
            return false;
        }
        Instant start = r.limitPeriod.start(now, p.zone());
        long used = ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM redemption WHERE reward_id = :r AND customer_id = :c AND status <> 'CANCELLED'
                          AND origin = 'REDEEMED' AND created_at >= :start""")
                .setParameter("r", r.id)
                .setParameter("c", customerId)
                .setParameter("start", start == null ? Instant.EPOCH : start)
                .getSingleResult()).longValue();
        return used >= r.limitPerCustomer;
    }

    static String periodWords(LimitPeriod period) {
        return switch (period) {
            case DAY -> "today";
            case WEEK -> "this week";
            case MONTH -> "this month";
            case YEAR -> "this year";
            case EVER -> "in total";
        };
    }
}
