package io.loyalty.reward;

import io.loyalty.common.Ids;
import io.loyalty.common.Idempotency;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.ledger.EntryType;
import io.loyalty.ledger.CoalitionPartners;
import io.loyalty.ledger.Ledger;
import io.loyalty.ledger.LedgerEntry;
import io.loyalty.ledger.PointLot;
import io.loyalty.programme.Enrolment;
import io.loyalty.programme.Membership;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Issues redemptions a customer or an admin asks for: redeemed for points, or granted by an admin (what the
 * programme itself gives, completed stamp cards and prizes, goes through {@link ProgrammeIssuer}, which records
 * them with the same {@link #newRedemption} and {@link #issue}). The membership row is locked before anything is checked against
 * it (then one stock slot of the reward, when stock is taken: the lock order of {@link RedemptionLifecycle}), which
 * serialises everything one customer does in a programme and makes the balance and limit checks safe under
 * parallel requests. The stock is not serialised that way: {@link RewardStock} spreads it over several slots so
 * that different customers redeeming one popular reward do not all wait for one row, and takes a unit with a
 * conditional update that never oversells.
 */
@ApplicationScoped
@Transactional
public class RedemptionIssuer {
    /** The Idempotency-Key scope of redemptions. */
    static final String SCOPE = "redemption";

    private final EntityManager em;
    private final MembershipService memberships;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final RewardEligibility eligibility;
    private final CustomerLookup customers;
    private final RedemptionTransitions transitions;

    private final CoalitionPartners partners;
    private final RewardStock stock;

    RedemptionIssuer(EntityManager em, MembershipService memberships, Ledger ledger, Idempotency idempotency,
                     RewardEligibility eligibility, CustomerLookup customers, RedemptionTransitions transitions,
                     CoalitionPartners partners, RewardStock stock) {
        this.em = em;
        this.stock = stock;
        this.partners = partners;
        this.transitions = transitions;
        this.customers = customers;
        this.memberships = memberships;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.eligibility = eligibility;
    }

    public Idempotency.Outcome<RedemptionResponse> redeem(RedemptionRequest request, String key, Caller caller) {
        return idempotency.once(caller.apiKeyId(), SCOPE, key, request, RedemptionResponse.class, () -> {
            customers.requireKnown(request.customerId());
            return redeemOnce(request, caller, null);
        });
    }

    /**
     * A redemption of a batch ({@link RedemptionBatch}), which has claimed its Idempotency-Key, checked its customer
     * and holds what the batch locked ahead.
     */
    RedemptionResponse redeemClaimed(RedemptionRequest request, Caller caller, RedemptionBatch.Held batch) {
        return redeemOnce(request, caller, batch);
    }

    private RedemptionResponse redeemOnce(RedemptionRequest request, Caller caller, RedemptionBatch.Held batch) {
        Reward reward = rewardFor(request.rewardId());
        UUID partnerId = partnerOf(request.partnerId(), caller);
        if (reward.partnerId != null && partnerId != null && !reward.partnerId.equals(partnerId)) {
            throw Problems.unprocessable("reward-partner", "Reward " + reward.id + " is offered by partner "
                    + reward.partnerId + ", not by " + partnerId);
        }
        // A partner's reward is redeemed at that partner, whoever's key asks: the partner is reimbursed for it.
        partnerId = partnerId != null ? partnerId : reward.partnerId;
        if (partnerId != null && !partners.terms(partnerId).map(t -> t.programmeId().equals(reward.programmeId))
                .orElse(false)) {
            throw Problems.unprocessable("reward-partner", "Partner " + partnerId + " is not a partner of programme "
                    + reward.programmeId + ", which offers reward " + reward.id);
        }
        Programme p = Programme.findById(reward.programmeId);
        if (p.status != ProgrammeStatus.ACTIVE) {
            throw Problems.conflict("programme-not-active", "Programme " + p.id + " is " + p.status
                    + ": its rewards cannot be redeemed");
        }
        if (reward.cost == 0) {
            throw Problems.unprocessable("reward-not-redeemable", "Reward " + reward.id
                    + " costs no points: it is only granted (by an admin or a completed stamp card), never redeemed");
        }
        Instant now = Timestamps.now();
        if (!reward.offeredAt(now)) {
            throw Problems.unprocessable("reward-unavailable", "Reward " + reward.id + " is not offered now ("
                    + reward.status + ", valid " + window(reward) + ")");
        }
        Membership m = batch != null ? batch.member(request.customerId(), p.id) : null;
        if (m == null) {
            m = lockedMember(p, request.customerId());
        } else if (p.enrolment == Enrolment.OPT_IN && !m.isActive()) {
            throw notAMember(p);
        }
        List<String> ineligible = eligibility.ineligibility(reward, p, m, now);
        if (!ineligible.isEmpty()) {
            throw Problems.unprocessable("not-eligible", "The customer may not redeem this reward: "
                    + String.join("; ", ineligible));
        }
        if (batch != null && reward.limitPerCustomer != null) {
            // the count below must see this customer's redemptions written earlier in the batch
            batch.write();
        }
        if (eligibility.limitReached(reward, request.customerId(), p, now)) {
            throw Problems.conflict("limit-reached", "The customer has already redeemed this reward "
                    + reward.limitPerCustomer + " time(s) " + RewardEligibility.periodWords(reward.limitPeriod));
        }
        if (m.debt > 0) {
            throw Problems.unprocessable("points-debt", "The customer owes " + m.debt
                    + " points (reversed after they were spent); redemption is blocked until the debt is repaid");
        }
        List<PointLot> lots = batch != null ? batch.spendableLots(m, now) : null;
        if (lots == null) {
            lots = ledger.spendableLots(m, now);
        }
        long available = lots.stream().mapToLong(l -> l.remaining).sum();
        if (available < reward.cost) {
            throw Problems.unprocessable("insufficient-points", "The reward costs " + reward.cost
                    + " points; the customer has " + available + " available (" + (reward.cost - available)
                    + " more needed)");
        }
        takeStock(reward);
        Redemption x = newRedemption(reward, m, RedemptionOrigin.REDEEMED, null, partnerId, caller.apiKeyId(), now);
        LedgerEntry debit = ledger.debit(m, EntryType.REDEEM, reward.cost, lots,
                Ledger.Source.of(caller.apiKeyId(), now).redemption(x.id).because("Redeemed: " + reward.name)
                        .partner(partnerId));
        x.debitEntryId = debit.id;
        x.points = reward.cost;
        return issue(x, reward, m, now, batch);
    }

    public Idempotency.Outcome<RedemptionResponse> grant(UUID customerId, GrantRequest request, String key, Caller caller) {
        customers.requireNotErased(customerId);
        return idempotency.once(caller.apiKeyId(), "grant:" + customerId, key, request, RedemptionResponse.class, () -> {
            Reward reward = rewardFor(request.rewardId());
            Programme p = Programme.findById(reward.programmeId);
            if (p.status == ProgrammeStatus.CLOSED) {
                throw Problems.conflict("programme-closed", "Programme " + p.id + " is closed");
            }
            Membership m = lockedMember(p, customerId);
            takeStock(reward);
            Instant now = Timestamps.now();
            Redemption x = newRedemption(reward, m, RedemptionOrigin.GRANTED, request.reason().strip(), null,
                    caller.apiKeyId(), now);
            return issue(x, reward, m, now);
        });
    }

    boolean hasFreePoolCode(Reward reward) {
        return !em.createNativeQuery("SELECT 1 FROM reward_code WHERE reward_id = :r AND redemption_id IS NULL LIMIT 1")
                .setParameter("r", reward.id).getResultList().isEmpty();
    }

    Redemption newRedemption(Reward reward, Membership m, RedemptionOrigin origin, String reason, UUID partnerId,
                                     UUID apiKeyId, Instant now) {
        Redemption x = new Redemption();
        x.id = Ids.newId();
        x.rewardId = reward.id;
        x.customerId = m.customerId;
        x.membershipId = m.id;
        x.partnerId = partnerId;
        x.origin = origin;
        x.reason = reason;
        x.status = RedemptionStatus.ISSUED;
        x.expiresAt = reward.codeValidDays == null ? null : now.plus(Duration.ofDays(reward.codeValidDays));
        x.apiKeyId = apiKeyId;
        x.createdAt = now;
        x.updatedAt = now;
        return x;
    }

    /**
     * Gives the redemption its code and stores it with its ISSUED transition. Called by {@link ProgrammeIssuer} inside
     * an order's transaction, where running out of pooled codes must not doom the order: that problem is the caller's
     * to answer, so it does not mark the transaction for rollback.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = io.quarkiverse.resteasy.problem.HttpProblem.class)
    RedemptionResponse issue(Redemption x, Reward reward, Membership m, Instant now) {
        return issue(x, reward, m, now, null);
    }

    /** @param batch where a batch keeps the rows to write together at its end; null to write them now */
    private RedemptionResponse issue(Redemption x, Reward reward, Membership m, Instant now, RedemptionBatch.Held batch) {
        String pooled = reward.codeSource == CodeSource.POOL ? freePoolCode(reward) : null;
        if (reward.codeSource == CodeSource.POOL && pooled == null && x.origin == RedemptionOrigin.STAMP_CARD) {
            // an earned card is never refused: it gets a generated code
        } else if (reward.codeSource == CodeSource.POOL && pooled == null) {
            throw Problems.conflict("out-of-stock", "Reward " + reward.id + " has no imported codes left");
        }
        x.code = pooled != null ? pooled : RedemptionCodes.next();
        if (batch == null || pooled != null) {
            // a pooled code's row names the redemption: it must be written first
            x.persist();
        }
        if (pooled != null) {
            em.createNativeQuery("UPDATE reward_code SET redemption_id = :x WHERE upper(code) = upper(:c)")
                    .setParameter("x", x.id).setParameter("c", pooled).executeUpdate();
        }
        String detail = switch (x.origin) {
            case REDEEMED -> x.points + " points spent";
            case GRANTED -> "granted: " + x.reason;
            case STAMP_CARD, GAME, CHALLENGE, REFERRAL -> x.reason;
        };
        RedemptionTransition issued;
        if (batch != null) {
            issued = transitions.unsaved(x, reward, RedemptionStatus.ISSUED, 0, detail, x.apiKeyId, now);
            batch.add(x, issued);
        } else {
            issued = transitions.record(x, reward, RedemptionStatus.ISSUED, 0, detail, x.apiKeyId, now);
            em.flush();
        }
        return RedemptionViews.describe(x, reward, m.balance, now, List.of(issued));
    }

    /**
     * The locked membership to redeem under; OPT_IN programmes need one the customer has not ended.
     * The check reads a scalar on purpose: loading the entity before locking it would leave a stale
     * copy in the persistence context, which the locking query then returns instead of the fresh row.
     */
    private Membership lockedMember(Programme p, UUID customerId) {
        if (p.enrolment == Enrolment.OPT_IN) {
            List<?> active = em.createNativeQuery("""
                            SELECT 1 FROM membership WHERE programme_id = :p AND customer_id = :c AND ended_at IS NULL""")
                    .setParameter("p", p.id).setParameter("c", customerId).getResultList();
            if (active.isEmpty()) {
                throw notAMember(p);
            }
        }
        return memberships.lockedMembership(p.id, customerId);
    }

    private static io.quarkiverse.resteasy.problem.HttpProblem notAMember(Programme p) {
        return Problems.unprocessable("not-a-member", "The customer is not a member of programme " + p.id);
    }

    /** Takes one unit of a reward with limited stock (from one of its slots); nothing for unlimited stock. */
    private void takeStock(Reward reward) {
        if (!stock.take(reward)) {
            throw Problems.conflict("out-of-stock", "Reward " + reward.id + " is out of stock");
        }
    }

    private String freePoolCode(Reward reward) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("""
                        SELECT code FROM reward_code WHERE reward_id = :r AND redemption_id IS NULL
                        ORDER BY imported_at, code LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .setParameter("r", reward.id)
                .getResultList();
        return codes.isEmpty() ? null : codes.get(0);
    }

    private static Reward rewardFor(UUID id) {
        Reward reward = Reward.findById(id);
        if (reward == null) {
            throw Problems.unprocessable("unknown-reward", "Reward " + id + " does not exist");
        }
        return reward;
    }

    private static UUID partnerOf(UUID requested, Caller caller) {
        if (caller.role() != Role.PARTNER) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.partnerId())) {
            throw Problems.forbidden("A PARTNER key redeems only for its own partner " + caller.partnerId());
        }
        return caller.partnerId();
    }

    private static String window(Reward r) {
        return (r.validFrom == null ? "always" : "from " + r.validFrom) + (r.validTo == null ? "" : " until " + r.validTo);
    }
}
