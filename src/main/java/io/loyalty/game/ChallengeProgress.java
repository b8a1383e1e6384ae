package io.loyalty.game;

import io.loyalty.common.Ids;
import io.loyalty.common.Timestamps;
import io.loyalty.customer.PromotionPolicy;
import io.loyalty.ledger.ChallengeBoard;
import io.loyalty.ledger.LoyaltySummary;
import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import io.loyalty.reward.RedemptionOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Challenge progress: advanced by each order (under the order's membership lock), shown in the loyalty summary.
 * While promotions are withheld from a customer, challenges are not offered: orders make no progress and the
 * summary lists none. Progress made before is frozen, not lost, and counts again once they are allowed, within
 * the same period.
 */
@ApplicationScoped
@Transactional
public class ChallengeProgress implements ChallengeBoard {

    private final EntityManager em;
    private final Prizes prizes;
    private final PromotionPolicy promotions;

    ChallengeProgress(EntityManager em, Prizes prizes, PromotionPolicy promotions) {
        this.em = em;
        this.prizes = prizes;
        this.promotions = promotions;
    }

    /** Counts the order towards the challenge and pays the prize if it completes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    OrderGamification.Step advance(Challenge c, Programme p, Membership m, GameRules.OrderFacts order, UUID apiKeyId) {
        String key = ChallengeRules.periodKey(c.period, order.placedAt(), p.zone());
        ChallengeProgressRow row = row(c.id, m.id, key);
        ChallengeRules.Progress before = row == null ? ChallengeRules.Progress.none()
                : new ChallengeRules.Progress(row.orders, row.spend, new TreeSet<>(row.categories), row.completedAt != null);
        ChallengeRules.Progress after = ChallengeRules.advance(c.goal, c.target, before, order.amount(), order.categories());
        boolean completesNow = after.completed() && !before.completed();
        Instant now = Timestamps.now();
        boolean fresh = row == null;
        if (fresh) {
            row = new ChallengeProgressRow();
            row.id = Ids.newId();
            row.challengeId = c.id;
            row.membershipId = m.id;
            row.periodKey = key;
        }
        row.orders = after.orders();
        row.spend = after.spend();
        row.categories = List.copyOf(after.categories());
        row.updatedAt = now;
        OrderGamification.Prize prize = null;
        if (completesNow) {
            row.completedAt = now;
            row.completedOrderId = order.orderId();
            Prizes.Paid paid = prizes.pay(p, m, c.prizeRewardId, c.prizePoints, RedemptionOrigin.CHALLENGE,
                    "challenge:" + c.id, "Completed challenge '" + c.name + "' (" + key + ") with order "
                            + order.externalId(), now, apiKeyId).orElse(null);
            if (paid != null) {
                row.redemptionId = paid.redemptionId();
                row.ledgerEntryId = paid.ledgerEntryId();
                prize = paid.view();
            }
        }
        if (fresh) {
            // persisted once complete: Hibernate inserts the state an entity has when it is persisted
            em.persist(row);
        }
        return new OrderGamification.Step(c.id, c.name, key, ChallengeRules.value(c.goal, after), c.target, completesNow,
                prize);
    }

    private ChallengeProgressRow row(UUID challengeId, UUID membershipId, String key) {
        return em.createQuery("from ChallengeProgressRow where challengeId = :c and membershipId = :m and periodKey = :k",
                        ChallengeProgressRow.class)
                .setParameter("c", challengeId).setParameter("m", membershipId).setParameter("k", key)
                .getResultStream().findFirst().orElse(null);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LoyaltySummary.Challenge> challenges(UUID customerId, UUID programmeId, UUID membershipId, Instant now) {
        List<Challenge> running = em.createQuery("""
                        from Challenge where programmeId = :p and (validFrom is null or validFrom <= :at)
                          and (validTo is null or validTo > :at) order by id""", Challenge.class)
                .setParameter("p", programmeId).setParameter("at", now).getResultList();
        if (running.isEmpty() || promotions.suppression(customerId).isPresent()) {
            return List.of();
        }
        Programme p = Programme.findById(programmeId);
        List<LoyaltySummary.Challenge> result = new ArrayList<>();
        for (Challenge c : running) {
            String key = ChallengeRules.periodKey(c.period, now, p.zone());
            ChallengeProgressRow row = membershipId == null ? null : row(c.id, membershipId, key);
            ChallengeRules.Progress progress = row == null ? ChallengeRules.Progress.none()
                    : new ChallengeRules.Progress(row.orders, row.spend, Set.copyOf(row.categories), row.completedAt != null);
            Instant[] bounds = ChallengeRules.bounds(c.period, now, p.zone());
            result.add(new LoyaltySummary.Challenge(c.id, c.name, c.goal.name(), c.target,
                    ChallengeRules.value(c.goal, progress), key,
                    bounds[0] == null ? c.validFrom : bounds[0], bounds[1] == null ? c.validTo : bounds[1],
                    row == null ? null : row.completedAt, c.prizeRewardId, c.prizePoints));
        }
        return result;
    }
}
