package io.loyalty.programme;

import io.loyalty.common.NativeSql;

import io.loyalty.common.Ids;
import io.loyalty.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The per-membership state rules keep: cap counters (amount a rule gave per day, month and ever), stamp
 * cards and the entitlements completed cards earn. The only code that touches the rule_usage, stamp_card
 * and entitlement tables. Written under the caller's membership locks.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RuleState {

    private final EntityManager em;
    private final StampCardsAhead cardsAhead;

    RuleState(EntityManager em, StampCardsAhead cardsAhead) {
        this.em = em;
        this.cardsAhead = cardsAhead;
    }

    /** Counters by {@code ruleId + "|" + period} for each membership. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Map<String, Long>> usage(Collection<UUID> membershipIds, Collection<String> periods) {
        Map<UUID, Map<String, Long>> result = new HashMap<>();
        if (membershipIds.isEmpty() || periods.isEmpty()) {
            return result;
        }
        List<Object[]> rows = NativeSql.touching(em.createNativeQuery("""
                        SELECT membership_id, rule_id, period, amount FROM rule_usage
                        WHERE membership_id IN (:m) AND period IN (:p)"""), "rule_usage")
                .setParameter("m", membershipIds)
                .setParameter("p", periods)
                .getResultList();
        for (Object[] r : rows) {
            result.computeIfAbsent((UUID) r[0], k -> new HashMap<>()).put(r[1] + "|" + r[2], ((Number) r[3]).longValue());
        }
        return result;
    }

    public void addUsage(UUID membershipId, String ruleId, String period, long amount) {
        NativeSql.touching(em.createNativeQuery("""
                        INSERT INTO rule_usage (membership_id, rule_id, period, amount) VALUES (:m, :r, :p, :a)
                        ON CONFLICT (membership_id, rule_id, period) DO UPDATE SET amount = rule_usage.amount + EXCLUDED.amount"""), "rule_usage")
                .setParameter("m", membershipId)
                .setParameter("r", ruleId)
                .setParameter("p", period)
                .setParameter("a", amount)
                .executeUpdate();
    }

    /**
     * Gives back what a return took back to the day and month caps of the day the order was placed, so the
     * customer can earn it again: a returned order should not keep counting against a cap.
     */
    public void giveBackUsage(UUID membershipId, String ruleId, LocalDate day, long amount) {
        NativeSql.touching(em.createNativeQuery("""
                        UPDATE rule_usage SET amount = GREATEST(amount - :a, 0)
                        WHERE membership_id = :m AND rule_id = :r AND period IN (:p)"""), "rule_usage")
                .setParameter("m", membershipId)
                .setParameter("r", ruleId)
                .setParameter("p", List.of(Accrual.dayKey(day), Accrual.monthKey(day)))
                .setParameter("a", amount)
                .executeUpdate();
    }

    /** Stamps on a card after adding some, and the cards that completed. */
    public record StampResult(int onCard, int cardsCompleted) {
    }

    /**
     * Adds stamps to a card in one statement: any stamp debt left by returns is paid first, and the new count
     * on the card and the number of cards this addition completed come back from the upsert itself, computed
     * from the row as it was (the right-hand sides of SET all read the old row). Cards read ahead for a batch of
     * orders are changed in memory instead ({@link StampCardsAhead}).
     */
    public StampResult addStamps(UUID membershipId, String ruleId, long stamps, int required) {
        StampResult ahead = cardsAhead.add(membershipId, ruleId, stamps, required);
        if (ahead != null) {
            return ahead;
        }
        Object[] row = (Object[]) NativeSql.touching(em.createNativeQuery("""
                        INSERT INTO stamp_card (membership_id, rule_id, stamps, completed, last_completed)
                        VALUES (:m, :r, CAST(:n AS integer) % :req, CAST(:n AS integer) / :req, CAST(:n AS integer) / :req)
                        ON CONFLICT (membership_id, rule_id) DO UPDATE
                          SET stamps = (stamp_card.stamps + GREATEST(CAST(:n AS integer) - stamp_card.debt, 0)) % :req,
                              completed = stamp_card.completed
                                  + (stamp_card.stamps + GREATEST(CAST(:n AS integer) - stamp_card.debt, 0)) / :req,
                              last_completed = (stamp_card.stamps + GREATEST(CAST(:n AS integer) - stamp_card.debt, 0)) / :req,
                              debt = GREATEST(stamp_card.debt - CAST(:n AS integer), 0)
                        RETURNING stamps, last_completed"""), "stamp_card")
                .setParameter("m", membershipId)
                .setParameter("r", ruleId)
                .setParameter("n", stamps)
                .setParameter("req", required)
                .getSingleResult();
        return new StampResult(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    /** A card after a return took stamps back. */
    public record StampRemoval(int onCard, int debt) {
    }

    /**
     * Takes stamps back off a card; what the card no longer holds, because it went into a completed card,
     * becomes debt.
     */
    public StampRemoval removeStamps(UUID membershipId, String ruleId, long stamps) {
        Object[] row = (Object[]) NativeSql.touching(em.createNativeQuery("""
                        UPDATE stamp_card
                           SET stamps = GREATEST(stamps - CAST(:n AS integer), 0),
                               debt = debt + GREATEST(CAST(:n AS integer) - stamps, 0)
                         WHERE membership_id = :m AND rule_id = :r
                        RETURNING stamps, debt"""), "stamp_card")
                .setParameter("m", membershipId)
                .setParameter("r", ruleId)
                .setParameter("n", stamps)
                .getResultStream().findFirst().orElse(null);
        return row == null ? new StampRemoval(0, 0)
                : new StampRemoval(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    /** A stamp card as it stands; a rule with no stamps yet has no row and reads as an empty card. */
    public record StampCard(String ruleId, int onCard, int completed, int debt) {
    }

    /** The stamp cards of a membership, by rule id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Map<String, StampCard> stampCards(UUID membershipId) {
        Map<String, StampCard> result = new HashMap<>();
        List<Object[]> rows = NativeSql.touching(em.createNativeQuery(
                        "SELECT rule_id, stamps, completed, debt FROM stamp_card WHERE membership_id = :m"), "stamp_card")
                .setParameter("m", membershipId).getResultList();
        for (Object[] r : rows) {
            result.put((String) r[0], new StampCard((String) r[0], ((Number) r[1]).intValue(),
                    ((Number) r[2]).intValue(), ((Number) r[3]).intValue()));
        }
        return result;
    }

    /** A reward a completed stamp card earned, when the rule names no catalogue reward. */
    public record Entitlement(UUID id, String ruleId, String reward, UUID orderId, Instant earnedAt) {
    }

    public void addEntitlement(UUID membershipId, EarningRule rule, UUID orderId) {
        NativeSql.touching(em.createNativeQuery("""
                        INSERT INTO entitlement (id, membership_id, rule_id, order_id, reward, status, created_at)
                        VALUES (:id, :m, :r, :o, :reward, 'AVAILABLE', :now)"""), "entitlement")
                .setParameter("id", Ids.newId())
                .setParameter("m", membershipId)
                .setParameter("r", rule.id())
                .setParameter("o", orderId)
                .setParameter("reward", rule.reward())
                .setParameter("now", Timestamps.now())
                .executeUpdate();
    }

    /** The entitlements of a membership not yet used, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Entitlement> availableEntitlements(UUID membershipId) {
        List<Object[]> rows = NativeSql.touching(em.createNativeQuery("""
                        SELECT id, rule_id, reward, order_id, created_at FROM entitlement
                        WHERE membership_id = :m AND status = 'AVAILABLE' ORDER BY id"""), "entitlement")
                .setParameter("m", membershipId).getResultList();
        List<Entitlement> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new Entitlement((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], toInstant(r[4])));
        }
        return result;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
