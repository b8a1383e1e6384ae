package io.loyalty.reward;

import io.loyalty.common.Ids;
import io.loyalty.common.Idempotency;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.Customer;
import io.loyalty.ledger.EntryType;
import io.loyalty.ledger.Ledger;
import io.loyalty.ledger.LedgerEntry;
import io.loyalty.ledger.PointLot;
import io.loyalty.order.Order;
import io.loyalty.programme.Enrolment;
import io.loyalty.programme.Membership;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Redemptions and their lifecycle. Locks are always taken in the same order (redemption row, then
 * membership row, then reward row), so concurrent redemptions, cancellations and expiry queue rather
 * than deadlock. The membership lock serialises everything one customer does in a programme, which is
 * what makes the balance, limit and stock checks safe under parallel requests.
 */
@ApplicationScoped
@Transactional
public class RedemptionService {
    private static final int EXPIRY_BATCH = 200;

    @jakarta.inject.Inject io.loyalty.common.BusinessMetrics metrics;
    private final EntityManager em;
    private final MembershipService memberships;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final RewardService rewards;

    RedemptionService(EntityManager em, MembershipService memberships, Ledger ledger, Idempotency idempotency,
                      RewardService rewards) {
        this.em = em;
        this.memberships = memberships;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.rewards = rewards;
    }

    // ---------------------------------------------------------------- issuing

    public Idempotency.Outcome<RedemptionResponse> redeem(RedemptionRequest request, String key, Caller caller) {
        return idempotency.once(caller.apiKeyId(), "redemption", key, request, RedemptionResponse.class,
                () -> redeemOnce(request, caller));
    }

    private RedemptionResponse redeemOnce(RedemptionRequest request, Caller caller) {
        requireCustomer(request.customerId());
        Reward reward = rewardFor(request.rewardId());
        UUID partnerId = partnerOf(request.partnerId(), caller);
        if (reward.partnerId != null && partnerId != null && !reward.partnerId.equals(partnerId)) {
            throw Problems.unprocessable("reward-partner", "Reward " + reward.id + " is offered by partner "
                    + reward.partnerId + ", not by " + partnerId);
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
        Membership m = lockedMember(p, request.customerId());
        List<String> ineligible = ineligibility(reward, m);
        if (!ineligible.isEmpty()) {
            throw Problems.unprocessable("not-eligible", "The customer may not redeem this reward: "
                    + String.join("; ", ineligible));
        }
        if (limitReached(reward, request.customerId(), p, now)) {
            throw Problems.conflict("limit-reached", "The customer has already redeemed this reward "
                    + reward.limitPerCustomer + " time(s) " + periodWords(reward.limitPeriod));
        }
        if (m.debt > 0) {
            throw Problems.unprocessable("points-debt", "The customer owes " + m.debt
                    + " points (reversed after they were spent); redemption is blocked until the debt is repaid");
        }
        List<PointLot> lots = ledger.spendableLots(m, now);
        long available = lots.stream().mapToLong(l -> l.remaining).sum();
        if (available < reward.cost) {
            throw Problems.unprocessable("insufficient-points", "The reward costs " + reward.cost
                    + " points; the customer has " + available + " available (" + (reward.cost - available)
                    + " more needed)");
        }
        takeStock(reward);
        Redemption x = newRedemption(reward, m, RedemptionOrigin.REDEEMED, null, partnerId, caller.apiKeyId(), now);
        LedgerEntry debit = ledger.debit(m, EntryType.REDEEM, reward.cost, lots,
                Ledger.Source.of(caller.apiKeyId(), now).redemption(x.id).because("Redeemed: " + reward.name));
        x.debitEntryId = debit.id;
        x.points = reward.cost;
        return issue(x, reward, m, now);
    }

    public Idempotency.Outcome<RedemptionResponse> grant(UUID customerId, GrantRequest request, String key, Caller caller) {
        if (Customer.findById(customerId) == null) {
            throw Problems.notFound("Customer", customerId);
        }
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

    /**
     * The reward of a completed stamp card, inside the order's transaction (the membership is locked).
     * The card was earned, so neither stock, status nor eligibility can refuse it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RedemptionResponse issueForStampCard(Membership m, UUID rewardId, String ruleId, UUID orderId, UUID apiKeyId) {
        Reward reward = Reward.findById(rewardId);
        if (reward == null) {
            throw new IllegalStateException("stamp rule " + ruleId + " names reward " + rewardId + ", which does not exist");
        }
        Instant now = Timestamps.now();
        Redemption x = newRedemption(reward, m, RedemptionOrigin.STAMP_CARD,
                "Stamp card '" + ruleId + "' completed by order " + orderId, null, apiKeyId, now);
        return issue(x, reward, m, now);
    }

    private Redemption newRedemption(Reward reward, Membership m, RedemptionOrigin origin, String reason, UUID partnerId,
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

    /** Gives the redemption its code and stores it with its ISSUED transition. */
    private RedemptionResponse issue(Redemption x, Reward reward, Membership m, Instant now) {
        String pooled = reward.codeSource == CodeSource.POOL ? freePoolCode(reward) : null;
        if (reward.codeSource == CodeSource.POOL && pooled == null && x.origin != RedemptionOrigin.STAMP_CARD) {
            throw Problems.conflict("out-of-stock", "Reward " + reward.id + " has no imported codes left");
        }
        x.code = pooled != null ? pooled : RedemptionCodes.next();
        x.persist();
        if (pooled != null) {
            em.createNativeQuery("UPDATE reward_code SET redemption_id = :x WHERE upper(code) = upper(:c)")
                    .setParameter("x", x.id).setParameter("c", pooled).executeUpdate();
        }
        String detail = switch (x.origin) {
            case REDEEMED -> x.points + " points spent";
            case GRANTED -> "granted: " + x.reason;
            case STAMP_CARD -> x.reason;
        };
        RedemptionTransition issued = transition(x, RedemptionStatus.ISSUED, 0, detail, x.apiKeyId, now);
        em.flush();
        return describe(x, reward, m.balance, now, List.of(issued));
    }

    // ---------------------------------------------------------------- lifecycle

    public RedemptionResponse use(UUID id, UseRequest request, Caller caller) {
        if (request.orderId() == null && (request.orderExternalId() == null || request.orderExternalId().isBlank())) {
            throw Problems.invalidField("orderId", "body", "orderId or orderExternalId is required: the order the code was used on");
        }
        Redemption x = locked(id, caller);
        if (request.orderId() != null) {
            Order order = Order.findById(request.orderId());
            if (order == null) {
                throw Problems.unprocessable("unknown-order", "Order " + request.orderId() + " does not exist");
            }
            if (!order.customerId.equals(x.customerId)) {
                throw Problems.unprocessable("order-customer", "Order " + request.orderId()
                        + " belongs to another customer than the redemption");
            }
        }
        Instant now = Timestamps.now();
        switch (x.status) {
            case USED -> {
                if (sameOrder(x, request)) {
                    return describe(x, now);
                }
                throw Problems.conflict("redemption-used", "Code " + x.code + " was already used on order "
                        + orderRef(x.usedOrderId, x.usedOrderExternalId));
            }
            case CANCELLED -> throw Problems.conflict("redemption-cancelled", "Code " + x.code + " was cancelled");
            case EXPIRED -> throw Problems.conflict("redemption-expired", "Code " + x.code + " expired at " + x.expiresAt);
            case ISSUED -> {
                if (x.expiresAt != null && !x.expiresAt.isAfter(now)) {
                    throw Problems.conflict("redemption-expired", "Code " + x.code + " expired at " + x.expiresAt);
                }
            }
        }
        x.status = RedemptionStatus.USED;
        x.usedOrderId = request.orderId();
        x.usedOrderExternalId = request.orderExternalId();
        x.updatedAt = now;
        transition(x, RedemptionStatus.USED, 0, "used on order " + orderRef(x.usedOrderId, x.usedOrderExternalId),
                caller.apiKeyId(), now);
        em.flush();
        return describe(x, now);
    }

    public RedemptionResponse cancel(UUID id, CancelRequest request, Caller caller) {
        Redemption x = locked(id, caller);
        Instant now = Timestamps.now();
        switch (x.status) {
            case CANCELLED -> {
                return describe(x, now);
            }
            case USED -> throw Problems.conflict("redemption-used", "Code " + x.code + " was used on order "
                    + orderRef(x.usedOrderId, x.usedOrderExternalId) + "; a used redemption cannot be cancelled");
            case EXPIRED -> throw Problems.conflict("redemption-expired", "Code " + x.code + " has expired");
            case ISSUED -> {
            }
        }
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? null : request.reason().strip();
        close(x, RedemptionStatus.CANCELLED, true, reason, caller.apiKeyId(), now);
        em.flush();
        return describe(x, now);
    }

    public record ExpiryRun(Instant asOf, int expired, long pointsRefunded, long pointsForfeited) {
    }

    /**
     * Expires ISSUED redemptions whose code expired by {@code asOf}, in short transactions of a batch each.
     * Rows are claimed with SKIP LOCKED and only ISSUED ones are touched, so several instances (or a
     * repeated run) never expire one twice.
     */
    @Transactional(Transactional.TxType.NEVER)
    public ExpiryRun expire(Instant asOf, UUID apiKeyId) {
        if (asOf.isAfter(Timestamps.now())) {
            throw Problems.invalidParameter("asOf", "must not be in the future: that would expire codes still valid now");
        }
        int expired = 0;
        long refunded = 0;
        long forfeited = 0;
        while (true) {
            long[] batch = QuarkusTransaction.requiringNew().call(() -> expireBatch(asOf, apiKeyId));
            expired += (int) batch[0];
            refunded += batch[1];
            forfeited += batch[2];
            if (batch[0] < EXPIRY_BATCH) {
                return new ExpiryRun(asOf, expired, refunded, forfeited);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private long[] expireBatch(Instant asOf, UUID apiKeyId) {
        List<Redemption> due = em.createNativeQuery("""
                        SELECT * FROM redemption WHERE status = 'ISSUED' AND expires_at <= :asOf
                        ORDER BY expires_at, id LIMIT :n FOR UPDATE SKIP LOCKED""", Redemption.class)
                .setParameter("asOf", asOf)
                .setParameter("n", EXPIRY_BATCH)
                .getResultList();
        long refunded = 0;
        long forfeited = 0;
        Instant now = Timestamps.now();
        for (Redemption x : due) {
            Reward reward = Reward.findById(x.rewardId);
            long[] r = close(x, RedemptionStatus.EXPIRED, reward.refundOnExpiry, null, apiKeyId, now);
            refunded += r[0];
            forfeited += r[1];
        }
        return new long[]{due.size(), refunded, forfeited};
    }

    /**
     * Ends an ISSUED redemption as CANCELLED or EXPIRED: its unit of stock comes back and, if asked, its
     * points, as REFUND lots that keep the spent lots' original dates. Points whose original expiry has
     * passed meanwhile are not given back (they would have expired unspent); they are reported as forfeited.
     *
     * @return points refunded and points forfeited
     */
    private long[] close(Redemption x, RedemptionStatus status, boolean refund, String reason, UUID apiKeyId, Instant now) {
        Reward reward = Reward.findById(x.rewardId);
        long refunded = 0;
        long forfeited = 0;
        if (refund && x.debitEntryId != null) {
            Programme p = Programme.findById(reward.programmeId);
            Membership m = memberships.lockedMembership(p.id, x.customerId);
            Ledger.Source source = Ledger.Source.of(apiKeyId, now).redemption(x.id)
                    .because((status == RedemptionStatus.CANCELLED ? "Cancelled: " : "Expired unused: ") + reward.name);
            List<Ledger.Credit> credits = new ArrayList<>();
            for (Ledger.Drawn d : ledger.drawnBy(x.debitEntryId)) {
                if (d.lot().expiresAt == null || d.lot().expiresAt.isAfter(now)) {
                    credits.add(new Ledger.Credit(m, EntryType.REFUND, d.points(), d.lot().earnedAt, now,
                            d.lot().expiresAt, source));
                    refunded += d.points();
                } else {
                    forfeited += d.points();
                }
            }
            ledger.credit(credits);
        } else if (x.debitEntryId != null) {
            forfeited = x.points;
        }
        em.createNativeQuery("UPDATE reward SET stock = stock + 1 WHERE id = :id AND stock IS NOT NULL")
                .setParameter("id", reward.id).executeUpdate();
        x.status = status;
        x.updatedAt = now;
        StringBuilder detail = new StringBuilder();
        if (reason != null) {
            detail.append(reason).append("; ");
        }
        detail.append(refunded).append(" points refunded");
        if (forfeited > 0) {
            detail.append(", ").append(forfeited).append(refund ? " forfeited (their expiry date had passed)"
                    : " not refunded (the reward does not refund expired codes)");
        }
        transition(x, status, refunded, detail.toString(), apiKeyId, now);
        return new long[]{refunded, forfeited};
    }

    // ---------------------------------------------------------------- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public RedemptionResponse get(UUID id, Caller caller) {
        Redemption x = Redemption.findById(id);
        if (x == null || !visibleTo(x, caller)) {
            throw Problems.notFound("Redemption", id);
        }
        return describe(x, Timestamps.now());
    }

    /** Redemptions by code (case-insensitive), customer and status; PARTNER keys see only their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RedemptionResponse> list(String code, UUID customerId, RedemptionStatus status, PageRequest page,
                                         Caller caller) {
        StringBuilder q = new StringBuilder("SELECT * FROM redemption WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (code != null && !code.isBlank()) {
            q.append(" AND upper(code) = upper(:code)");
            params.put("code", code.strip());
        }
        if (customerId != null) {
            q.append(" AND customer_id = :customer");
            params.put("customer", customerId);
        }
        if (status != null) {
            q.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (caller.role() == Role.PARTNER) {
            q.append(" AND partner_id = :partner");
            params.put("partner", caller.partnerId());
        }
        if (page.after() != null) {
            q.append(" AND id > :after");
            params.put("after", page.after());
        }
        q.append(" ORDER BY id LIMIT :n");
        var query = em.createNativeQuery(q.toString(), Redemption.class).setParameter("n", page.fetchSize());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Redemption> rows = query.getResultList();
        Instant now = Timestamps.now();
        return Page.of(rows, page.limit(), x -> x.id, x -> describe(x, now));
    }

    /** What this customer can redeem now and what they are close to, most attainable first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerReward> forCustomer(UUID customerId, UUID programmeId) {
        if (Customer.findById(customerId) == null) {
            throw Problems.notFound("Customer", customerId);
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
                if (!r.offeredAt(now)) {
                    continue;
                }
                RewardResponse described = rewards.describe(r, p.currency);
                List<CustomerReward.Blocker> blockers = new ArrayList<>();
                long needed = Math.max(0, r.cost - available);
                if (r.cost > 0 && m != null && m.debt > 0) {
                    blockers.add(new CustomerReward.Blocker("POINTS_DEBT", m.debt + " points owed must be repaid first"));
                }
                if (needed > 0) {
                    blockers.add(new CustomerReward.Blocker("INSUFFICIENT_POINTS", needed + " more points needed"));
                }
                if ((r.stock != null && r.stock == 0)
                        || (r.codeSource == CodeSource.POOL && Objects.equals(described.codesAvailable(), 0L))) {
                    blockers.add(new CustomerReward.Blocker("OUT_OF_STOCK", "none left"));
                }
                if (limitReached(r, customerId, p, now)) {
                    blockers.add(new CustomerReward.Blocker("LIMIT_REACHED", "already redeemed " + r.limitPerCustomer
                            + " time(s) " + periodWords(r.limitPeriod)));
                }
                for (String why : ineligibility(r, m)) {
                    blockers.add(new CustomerReward.Blocker("NOT_ELIGIBLE", why));
                }
                result.add(new CustomerReward(described, available, needed, blockers.isEmpty(), blockers));
            }
        }
        result.sort(Comparator.comparing((CustomerReward c) -> !c.redeemableNow())
                .thenComparingLong(CustomerReward::pointsNeeded)
                .thenComparingLong(c -> c.reward().cost())
                .thenComparing(c -> c.reward().id()));
        return result;
    }

    // ---------------------------------------------------------------- helpers

    private RedemptionResponse describe(Redemption x, Instant now) {
        Membership m = Membership.findById(x.membershipId);
        return describe(x, Reward.findById(x.rewardId), m.balance, now);
    }

    private RedemptionResponse describe(Redemption x, Reward reward, long balance, Instant now) {
        return describe(x, reward, balance, now,
                RedemptionTransition.list("redemptionId = ?1 order by occurredAt, id", x.id));
    }

    private RedemptionResponse describe(Redemption x, Reward reward, long balance, Instant now,
                                        List<RedemptionTransition> history) {
        List<RedemptionResponse.Transition> transitions = history.stream()
                .map(t -> new RedemptionResponse.Transition(t.status, t.pointsRefunded, t.detail, t.apiKeyId, t.occurredAt))
                .toList();
        String notUsable = switch (x.status) {
            case ISSUED -> x.expiresAt != null && !x.expiresAt.isAfter(now) ? "expired at " + x.expiresAt : null;
            case USED -> "already used on order " + orderRef(x.usedOrderId, x.usedOrderExternalId);
            case CANCELLED -> "cancelled";
            case EXPIRED -> "expired at " + x.expiresAt;
        };
        return new RedemptionResponse(x.id, x.rewardId, reward.name, reward.type, reward.programmeId, x.customerId,
                x.partnerId, x.origin, x.reason, x.code, x.points, x.status, x.expiresAt, notUsable == null, notUsable,
                x.usedOrderId, x.usedOrderExternalId, balance, transitions, x.createdAt, x.updatedAt);
    }

    private RedemptionTransition transition(Redemption x, RedemptionStatus status, long refunded, String detail,
                                            UUID apiKeyId, Instant at) {
        RedemptionTransition t = new RedemptionTransition();
        t.id = Ids.newId();
        t.redemptionId = x.id;
        t.status = status;
        t.pointsRefunded = refunded;
        t.detail = detail;
        t.apiKeyId = apiKeyId;
        t.occurredAt = at;
        em.persist(t);
        metrics.redemption(status);
        return t;
    }

    private Redemption locked(UUID id, Caller caller) {
        Redemption x = Redemption.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (x == null || !visibleTo(x, caller)) {
            throw Problems.notFound("Redemption", id);
        }
        return x;
    }

    private static boolean visibleTo(Redemption x, Caller caller) {
        return caller.role() != Role.PARTNER || Objects.equals(x.partnerId, caller.partnerId());
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
                throw Problems.unprocessable("not-a-member", "The customer is not a member of programme " + p.id);
            }
        }
        return memberships.lockedMembership(p.id, customerId);
    }

    /** Why a member may not redeem a reward, in words; empty when they may. */
    private static List<String> ineligibility(Reward r, Membership m) {
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

    private boolean limitReached(Reward r, UUID customerId, Programme p, Instant now) {
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

    /** Takes one unit of a reward with limited stock; the conditional update is what makes it race-free. */
    private void takeStock(Reward reward) {
        if (reward.stock == null) {
            return;
        }
        int taken = em.createNativeQuery("UPDATE reward SET stock = stock - 1 WHERE id = :id AND stock > 0")
                .setParameter("id", reward.id).executeUpdate();
        if (taken == 0) {
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

    private long spendable(Membership m, Instant now) {
        long lots = ((Number) em.createNativeQuery("""
                        SELECT coalesce(sum(remaining), 0) FROM point_lot WHERE membership_id = :m AND remaining > 0
                          AND available_from <= :now AND (expires_at IS NULL OR expires_at > :now)""")
                .setParameter("m", m.id)
                .setParameter("now", now)
                .getSingleResult()).longValue();
        return lots - m.debt;
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
            throw HttpProblem.builder().withType(Problems.type("forbidden")).withStatus(403).withTitle("Forbidden")
                    .withDetail("A PARTNER key redeems only for its own partner " + caller.partnerId()).build();
        }
        return caller.partnerId();
    }

    private static void requireCustomer(UUID customerId) {
        if (Customer.findById(customerId) == null) {
            throw Problems.unprocessable("unknown-customer", "Customer " + customerId + " does not exist");
        }
    }

    private static boolean sameOrder(Redemption x, UseRequest r) {
        return Objects.equals(x.usedOrderId, r.orderId()) && Objects.equals(x.usedOrderExternalId, r.orderExternalId());
    }

    private static String orderRef(UUID orderId, String externalId) {
        return externalId != null ? externalId : String.valueOf(orderId);
    }

    private static String window(Reward r) {
        return (r.validFrom == null ? "always" : "from " + r.validFrom) + (r.validTo == null ? "" : " until " + r.validTo);
    }

    private static String periodWords(LimitPeriod period) {
        return switch (period) {
            case DAY -> "today";
            case WEEK -> "this week";
            case MONTH -> "this month";
            case YEAR -> "this year";
            case EVER -> "in total";
        };
    }
}
