package io.loyalty.reward;

import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.ledger.EntryType;
import io.loyalty.ledger.Ledger;
import io.loyalty.programme.Membership;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.Programme;
import io.loyalty.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static io.loyalty.reward.RedemptionViews.describe;
import static io.loyalty.reward.RedemptionViews.orderRef;

/**
 * What happens to an issued redemption: used at checkout, cancelled, or expired unused. Locks are always
 * taken in the same order (redemption row, then membership row, then one stock slot of the reward), so concurrent
 * cancellations, uses and expiry queue rather than deadlock. A unit given back goes to one of the reward's
 * {@link RewardStock} slots, not to a single counter every redemption of the reward would wait for; an expiry
 * batch gives all its units of one reward to the same slot.
 */
@ApplicationScoped
@Transactional
public class RedemptionLifecycle {
    private static final int EXPIRY_BATCH = 200;

    private final EntityManager em;
    private final MembershipService memberships;
    private final Ledger ledger;
    private final OrderLookup orders;
    private final RedemptionTransitions transitions;
    private final RewardStock stock;

    RedemptionLifecycle(EntityManager em, MembershipService memberships, Ledger ledger, OrderLookup orders,
                        RedemptionTransitions transitions, RewardStock stock) {
        this.stock = stock;
        this.transitions = transitions;
        this.em = em;
        this.memberships = memberships;
        this.ledger = ledger;
        this.orders = orders;
    }

    public RedemptionResponse use(UUID id, UseRequest request, Caller caller) {
        if (request.orderId() == null && (request.orderExternalId() == null || request.orderExternalId().isBlank())) {
            throw Problems.invalidField("orderId", "body", "orderId or orderExternalId is required: the order the code was used on");
        }
        Redemption x = locked(id, caller);
        if (request.orderId() != null) {
            // another partner's order does not exist for a PARTNER key
            OrderLookup.OrderFacts order = orders.find(request.orderId()).filter(o -> caller.sees(o.partnerId()))
                    .orElseThrow(() -> Problems.unprocessable("unknown-order", "Order " + request.orderId() + " does not exist"));
            if (!order.customerId().equals(x.customerId)) {
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
        transitions.record(x, Reward.findById(x.rewardId), RedemptionStatus.USED, 0,
                "used on order " + orderRef(x.usedOrderId, x.usedOrderExternalId), caller.apiKeyId(), now);
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

    /**
     * Cancels a prize (a redemption won in a game or paid by a challenge) if it is still ISSUED, in the caller's
     * transaction: what a returned order does to a prize it won and that was not used. A prize used, expired or
     * cancelled already is left as it is.
     *
     * @return whether it was cancelled now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean cancelUnusedPrize(UUID id, String reason, UUID apiKeyId) {
        Redemption x = Redemption.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (x == null) {
            throw new IllegalStateException("no redemption " + id);
        }
        Instant now = Timestamps.now();
        if (x.status != RedemptionStatus.ISSUED || (x.expiresAt != null && !x.expiresAt.isAfter(now))) {
            return false;
        }
        close(x, RedemptionStatus.CANCELLED, false, reason, apiKeyId, now);
        em.flush();
        return true;
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
            Ledger.Source source = Ledger.Source.of(apiKeyId, now).redemption(x.id).partner(x.partnerId)
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
        stock.giveBack(reward);
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
        transitions.record(x, reward, status, refunded, detail.toString(), apiKeyId, now);
        return new long[]{refunded, forfeited};
    }

    private Redemption locked(UUID id, Caller caller) {
        Redemption x = Redemption.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (x == null || !RedemptionViews.visibleTo(x, caller)) {
            throw Problems.notFound("Redemption", id);
        }
        return x;
    }

    private static boolean sameOrder(Redemption x, UseRequest r) {
        return Objects.equals(x.usedOrderId, r.orderId()) && Objects.equals(x.usedOrderExternalId, r.orderExternalId());
    }
}
