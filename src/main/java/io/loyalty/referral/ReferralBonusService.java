package io.loyalty.referral;

import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerService;
import io.loyalty.ledger.PointsService;
import io.loyalty.order.OrderFacts;
import io.loyalty.order.OrderService;
import io.loyalty.order.OrderStatus;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.ProgrammeResponse;
import io.loyalty.programme.ProgrammeService;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.reward.ProgrammeIssuer;
import io.loyalty.reward.RedemptionOrigin;
import io.loyalty.reward.RedemptionResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pays referral bonuses once the referred customer's first order can no longer be returned. Safe with
 * several instances: pending referrals are taken with FOR UPDATE SKIP LOCKED, so two runs never settle the
 * same one, and each (referral, programme) bonus is a row whose primary key refuses a second payment.
 */
@ApplicationScoped
public class ReferralBonusService {
    private static final int BATCH = 200;
    static final String REFERRER_REASON = "referral bonus";
    static final String NEWCOMER_REASON = "referral welcome bonus";
    static final String UNAVAILABLE = "Out of stock (or of pooled codes) when the bonus was paid";

    private final EntityManager em;
    private final OrderService orders;
    private final ProgrammeService programmes;
    private final PointsService points;
    private final CustomerService customers;
    private final MembershipService memberships;
    private final ProgrammeIssuer rewards;

    ReferralBonusService(EntityManager em, OrderService orders, ProgrammeService programmes, PointsService points,
                         CustomerService customers, MembershipService memberships, ProgrammeIssuer rewards) {
        this.em = em;
        this.orders = orders;
        this.programmes = programmes;
        this.points = points;
        this.customers = customers;
        this.memberships = memberships;
        this.rewards = rewards;
    }

    private record Totals(int examined, int converted, int lost, int credits, int rewards, int rewardsUnavailable) {
        static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);

        Totals plus(Totals o) {
            return new Totals(examined + o.examined, converted + o.converted, lost + o.lost, credits + o.credits,
                    rewards + o.rewards, rewardsUnavailable + o.rewardsUnavailable);
        }
    }

    @Transactional(Transactional.TxType.NEVER)
    public BonusRunResponse run(Instant asOf) {
        if (asOf.isAfter(Timestamps.now())) {
            throw Problems.invalidParameter("asOf", "must not be in the future: that would pay bonuses for orders "
                    + "that can still be returned");
        }
        Totals totals = Totals.NONE;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(asOf, from));
            totals = totals.plus(batch.totals());
            if (batch.last() == null) {
                break;
            }
            after = batch.last();
        }
        return new BonusRunResponse(asOf, totals.examined(), totals.converted(), totals.lost(), totals.credits(),
                totals.rewards(), totals.rewardsUnavailable());
    }

    private record Batch(Totals totals, UUID last) {
    }

    private Batch batch(Instant asOf, UUID after) {
        @SuppressWarnings("unchecked")
        List<Referral> pending = em.createNativeQuery("""
                        SELECT * FROM referral WHERE status = 'PENDING' AND id > :after
                        ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED""", Referral.class)
                .setParameter("after", after).setParameter("n", BATCH).getResultList();
        List<ReferralBonusRule> rules = ReferralBonusRule.listAll();
        java.util.Map<UUID, Optional<OrderFacts>> firstOrders = new java.util.HashMap<>();
        java.util.Set<UUID> payable = new java.util.HashSet<>();
        for (Referral r : pending) {
            Optional<OrderFacts> first = orders.firstOrder(r.referredId);
            firstOrders.put(r.id, first);
            if (first.isPresent() && !first.get().placedAt().isAfter(asOf) && first.get().status() != OrderStatus.RETURNED) {
                payable.add(r.referrerId);
                payable.add(r.referredId);
            }
        }
        // Every membership the batch may credit is locked first, in one statement and in id order, the order every
        // lock of memberships follows: credited one at a time, referrer then newcomer, they could deadlock with a
        // batch of orders that holds the newcomer's and waits for the referrer's.
        List<UUID> programmeIds = rules.stream().map(rule -> rule.programmeId).distinct().toList();
        memberships.lockExisting(payable.stream().flatMap(c -> programmeIds.stream().map(p -> java.util.Map.entry(c, p))).toList());
        Totals totals = Totals.NONE;
        for (Referral r : pending) {
            totals = totals.plus(settle(r, firstOrders.get(r.id), rules, asOf));
        }
        em.flush();
        return new Batch(totals, pending.size() < BATCH ? null : pending.get(pending.size() - 1).id);
    }

    /** One referral: still pending, lost (its first order was returned), or converted with its bonuses paid. */
    private Totals settle(Referral r, Optional<OrderFacts> first, List<ReferralBonusRule> rules, Instant asOf) {
        if (first.isEmpty() || first.get().placedAt().isAfter(asOf)) {
            return new Totals(1, 0, 0, 0, 0, 0);
        }
        OrderFacts order = first.get();
        if (order.status() == OrderStatus.RETURNED) {
            r.status = Referral.Status.LOST;
            r.firstOrderId = order.id();
            r.settledAt = asOf;
            return new Totals(1, 0, 1, 0, 0, 0);
        }
        Totals paid = Totals.NONE;
        for (ReferralBonusRule rule : rules) {
            ProgrammeResponse p = programmes.get(rule.programmeId);
            if (p.status() != ProgrammeStatus.ACTIVE) {
                continue;
            }
            if (order.placedAt().plus(Duration.ofDays(p.pendingDays())).isAfter(asOf)) {
                return paid.plus(new Totals(1, 0, 0, 0, 0, 0)); // still returnable here: wait (paid rows stay paid)
            }
            paid = paid.plus(pay(r, rule, p, order, asOf));
        }
        r.status = Referral.Status.CONVERTED;
        r.firstOrderId = order.id();
        r.settledAt = asOf;
        return paid.plus(new Totals(1, 1, 0, 0, 0, 0));
    }

    /** @return the ledger credits made and the reward given (nothing when this programme already paid this referral) */
    private Totals pay(Referral r, ReferralBonusRule rule, ProgrammeResponse p, OrderFacts order, Instant asOf) {
        // One referrer's bonuses are counted against the cap one at a time, whichever instance pays them.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(CAST(:k AS text), 0))")
                .setParameter("k", "referral-cap:" + r.referrerId + ":" + p.id()).getSingleResult();
        boolean capped = rule.capPerReferrer != null && paidInPeriod(r.referrerId, p, rule.capPeriod, asOf) >= rule.capPerReferrer;
        // An erased referrer can no longer be credited; the newcomer is still owed the welcome bonus.
        boolean referrerErased = customers.get(r.referrerId).erasedAt() != null;
        long referrerPoints = capped || referrerErased ? 0 : rule.referrerPoints;
        int inserted = em.createNativeQuery("""
                        INSERT INTO referral_bonus (referral_id, programme_id, referrer_id, referrer_points, capped,
                                                    newcomer_points, paid_at)
                        VALUES (:r, :p, :referrer, :rp, :capped, :np, :at) ON CONFLICT DO NOTHING""")
                .setParameter("r", r.id).setParameter("p", p.id()).setParameter("referrer", r.referrerId)
                .setParameter("rp", referrerPoints).setParameter("capped", capped)
                .setParameter("np", rule.newcomerPoints).setParameter("at", asOf).executeUpdate();
        if (inserted == 0) {
            return Totals.NONE;
        }
        int credits = 0;
        UUID referrerEntry = null;
        UUID newcomerEntry = null;
        if (referrerPoints > 0) {
            referrerEntry = points.award(r.referrerId, p.id(), referrerPoints, REFERRER_REASON, null).id();
            credits++;
        }
        if (rule.newcomerPoints > 0) {
            newcomerEntry = points.award(r.referredId, p.id(), rule.newcomerPoints, NEWCOMER_REASON, null).id();
            credits++;
        }
        // After the row above was inserted, so the reward is given at most once per referral and programme.
        Optional<RedemptionResponse> reward = rule.newcomerRewardId == null ? Optional.empty()
                : rewards.issuePrize(memberships.lockedMembership(p.id(), r.referredId), rule.newcomerRewardId,
                        RedemptionOrigin.REFERRAL, "Referral welcome reward (referral " + r.id + ")", order.apiKeyId());
        em.createNativeQuery("""
                        UPDATE referral_bonus SET referrer_entry_id = :re, newcomer_entry_id = :ne, newcomer_reward_id = :rw,
                               newcomer_reward_status = :st, newcomer_redemption_id = :x, newcomer_reward_note = :note
                        WHERE referral_id = :r AND programme_id = :p""")
                .setParameter("re", referrerEntry).setParameter("ne", newcomerEntry)
                .setParameter("rw", rule.newcomerRewardId)
                .setParameter("st", rule.newcomerRewardId == null ? null : reward.isPresent() ? "GRANTED" : "UNAVAILABLE")
                .setParameter("x", reward.map(RedemptionResponse::id).orElse(null))
                .setParameter("note", rule.newcomerRewardId == null || reward.isPresent() ? null : UNAVAILABLE)
                .setParameter("r", r.id).setParameter("p", p.id()).executeUpdate();
        return new Totals(0, 0, 0, credits, reward.isPresent() ? 1 : 0,
                rule.newcomerRewardId != null && reward.isEmpty() ? 1 : 0);
    }

    private long paidInPeriod(UUID referrerId, ProgrammeResponse p, ReferralBonusRule.CapPeriod period, Instant asOf) {
        ZonedDateTime local = asOf.atZone(java.time.ZoneId.of(p.timezone()));
        Instant since = switch (period) {
            case MONTH -> local.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
            case YEAR -> local.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS).toInstant();
            case EVER -> Instant.EPOCH;
        };
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM referral_bonus WHERE referrer_id = :r AND programme_id = :p
                          AND NOT capped AND paid_at >= :since""")
                .setParameter("r", referrerId).setParameter("p", p.id()).setParameter("since", since)
                .getSingleResult()).longValue();
    }
}
