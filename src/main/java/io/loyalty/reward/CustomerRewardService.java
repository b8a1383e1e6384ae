package io.loyalty.reward;

import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.customer.PromotionPolicy;
import io.loyalty.programme.Enrolment;
import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The catalogue from one customer's point of view: what they can redeem now, and what blocks the rest. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerRewardService {
    private final CustomerLookup customers;
    private final EntityManager em;
    private final RewardService rewards;
    private final RewardEligibility eligibility;
    private final PromotionPolicy promotions;

    CustomerRewardService(EntityManager em, RewardService rewards, RewardEligibility eligibility,
                          CustomerLookup customers, PromotionPolicy promotions) {
        this.promotions = promotions;
        this.em = em;
        this.customers = customers;
        this.rewards = rewards;
        this.eligibility = eligibility;
    }

    /**
     * What this customer can redeem now and what they are close to, most attainable first. Nothing while
     * promotions to the customer are suppressed (an unresolved incident): the catalogue is not pushed at
     * someone whose bad experience is not repaired yet. What they hold (granted rewards, compensation
     * included, and completed stamp cards) stays theirs to use, and they can still redeem if they ask.
     */
    public List<CustomerReward> forCustomer(UUID customerId, UUID programmeId) {
        return forCustomer(customerId, programmeId, null);
    }

    /** For a PARTNER key, without other partners' rewards (they are redeemed only at their partner). */
    public List<CustomerReward> forCustomer(UUID customerId, UUID programmeId, Caller caller) {
        customers.requireExists(customerId);
        if (promotions.suppression(customerId).isPresent()) {
            return List.of();
        }
        Instant now = Timestamps.now();
        Map<UUID, Membership> rows = new HashMap<>();
        Membership.<Membership>list("customerId", customerId).forEach(m -> rows.put(m.programmeId, m));
        List<CustomerReward> result = new ArrayList<>();
        for (Programme p : Programme.<Programme>list("status", ProgrammeStatus.ACTIVE)) {
            Membership m = rows.get(p.id);
            boolean member = m != null ? m.isActive() : p.enrolment == Enrolment.AUTOMATIC;
            if (!member || (programmeId != null && !programmeId.equals(p.id))) {
                continue;
            }
            long available = m == null ? 0 : spendable(m, now);
            for (Reward r : Reward.<Reward>list("programmeId = ?1 and status = ?2 and cost > 0 order by cost, id", p.id,
                    RewardStatus.ACTIVE)) {
                if (!r.offeredAt(now) || (caller != null && r.partnerId != null && !caller.sees(r.partnerId))) {
                    continue;
                }
                result.add(view(r, p, m, customerId, available, now));
            }
        }
        result.sort(Comparator.comparing((CustomerReward c) -> !c.redeemableNow())
                .thenComparingLong(CustomerReward::pointsNeeded)
                .thenComparingLong(c -> c.reward().cost())
                .thenComparing(c -> c.reward().id()));
        return result;
    }

    private CustomerReward view(Reward r, Programme p, Membership m, UUID customerId, long available, Instant now) {
        RewardResponse described = rewards.describe(r, p.currency);
        List<CustomerReward.Blocker> blockers = new ArrayList<>();
        long needed = Math.max(0, r.cost - available);
        if (r.cost > 0 && m != null && m.debt > 0) {
            blockers.add(new CustomerReward.Blocker("POINTS_DEBT", m.debt + " points owed must be repaid first"));
        }
        if (needed > 0) {
            blockers.add(new CustomerReward.Blocker("INSUFFICIENT_POINTS", needed + " more points needed"));
        }
        if (Objects.equals(described.stock(), 0)
                || (r.codeSource == CodeSource.POOL && Objects.equals(described.codesAvailable(), 0L))) {
            blockers.add(new CustomerReward.Blocker("OUT_OF_STOCK", "none left"));
        }
        if (eligibility.limitReached(r, customerId, p, now)) {
            blockers.add(new CustomerReward.Blocker("LIMIT_REACHED", "already redeemed " + r.limitPerCustomer
                    + " time(s) " + RewardEligibility.periodWords(r.limitPeriod)));
        }
        for (String why : eligibility.ineligibility(r, p, m, now)) {
            blockers.add(new CustomerReward.Blocker("NOT_ELIGIBLE", why));
        }
        return new CustomerReward(described, available, needed, blockers.isEmpty(), blockers);
    }

    private long spendable(Membership m, Instant now) {
        long lots = ((Number) em.createNativeQuery("""
                        SELECT coalesce(sum(remaining), 0) FROM point_lot WHERE membership_id = :m AND remaining > 0
                          AND available_from <= :now AND (expires_at IS NULL OR expires_at > :now)""")
                .setParameter("m", m.id)
                .setParameter("now", now)
                .getSingleResult()).longValue();
        return lots - m.debt;
    }
}
