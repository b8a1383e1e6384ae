package io.loyalty.reward;

import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import io.loyalty.tier.Standing;
import io.loyalty.tier.TierService;
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
    private final TierService tiers;

    RewardEligibility(EntityManager em, TierService tiers) {
        this.em = em;
        this.tiers = tiers;
    }

    /**
     * Why a member may not redeem a reward, in words; empty when they may. {@code minTier} counts the tier whose
     * benefits apply now (a pin counts; an unpaid paid-only tier does not), {@code paidMembersOnly} a paid
     * membership current now.
     */
    List<String> ineligibility(Reward r, Programme p, Membership m, Instant now) {
        List<String> why = new ArrayList<>();
        Eligibility e = r.eligibility;
        long earned = m == null ? 0 : m.earned;
        if (e.minLifetimePoints() != null && earned < e.minLifetimePoints()) {
            why.add("needs " + e.minLifetimePoints() + " lifetime points earned, has " + earned);
        }
        if (e.minTier() == null && !Boolean.TRUE.equals(e.paidMembersOnly())) {
            return why;
        }
        Standing standing = tiers.standing(p, m == null ? null : m.id, now);
        if (e.minTier() != null && !standing.atLeast(p.tiers, e.minTier())) {
            why.add("needs tier " + e.minTier() + " or above" + (standing.benefitTier() == null ? ""
                    : ", holds " + standing.benefitTier()));
        }
        if (Boolean.TRUE.equals(e.paidMembersOnly()) && !standing.paid()) {
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
