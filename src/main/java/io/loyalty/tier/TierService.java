package io.loyalty.tier;

import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import io.loyalty.programme.TierScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tiers as orders and returns move them. Runs in the caller's transaction, under the membership lock the
 * earning or reversal took. The order that crosses a threshold upgrades the member after it has earned, so it
 * earns at the old multiplier; the next order earns at the new one.
 */
@ApplicationScoped
@Transactional
public class TierService {
    private final EntityManager em;
    private final TierStore store;

    TierService(EntityManager em, TierStore store) {
        this.em = em;
        this.store = store;
    }

    /** What a member holds at {@code at}; a programme without tiers or fee gives {@link Standing#NONE}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Standing standing(Programme p, UUID membershipId, Instant at) {
        if (p.tiers == null && p.fee == null) {
            return Standing.NONE;
        }
        return Standing.of(p, store.find(membershipId), store.covers(membershipId), at);
    }

    /** Whether a programme has tiers or a fee, so that orders need to look at standings at all. */
    public static boolean applies(Programme p) {
        return p.tiers != null || p.fee != null;
    }

    /**
     * Counts what an order earned towards qualification and upgrades the member if it crossed a threshold.
     *
     * @return the tier held afterwards (null: none or no tiers)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String orderEarned(Programme p, Membership m, UUID orderId, Instant placedAt, long points, BigDecimal spend,
                              UUID apiKeyId) {
        TierScheme scheme = p.tiers;
        if (scheme == null) {
            return null;
        }
        store.activity(m.id, orderId, null, placedAt, points, spend);
        MemberStatus s = store.status(m);
        int current = Standing.earnedIndex(scheme, s);
        BigDecimal qualification = store.qualification(m.id, scheme.basis(),
                TierRules.windowStart(scheme, p.zone(), placedAt), null);
        int reached = scheme.qualifiedIndex(qualification);
        if (reached > current) {
            // Dated at the order: a backdated order's tier rests on the window it was placed in.
            Instant now = placedAt;
            TierScheme.Tier tier = scheme.levels().get(reached);
            store.change(m.id, Standing.name(scheme, current), tier.name(), TierChangeResponse.Reason.QUALIFIED,
                    "qualification " + qualification.stripTrailingZeros().toPlainString() + " reached the threshold "
                            + tier.threshold().stripTrailingZeros().toPlainString(), orderId, apiKeyId, now);
            s.tier = tier.name();
            s.tierSince = now;
            s.graceUntil = null;
            s.reviewAt = TierRules.reviewAfter(scheme, p.zone(), placedAt);
            current = reached;
        }
        return s.pinnedAt(placedAt) ? s.pinnedTier : Standing.name(scheme, current);
    }

    /**
     * Takes a return's share back from qualification: the points the return reversed in each programme and the
     * refunded spend, never more than the order counted. If that leaves the member below the threshold of a tier
     * reached in the current window, the downgrade policy applies at once (see {@link TierRules#afterReturn}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderReturned(UUID orderId, UUID returnId, BigDecimal refund, Map<UUID, Long> reversedPoints,
                              UUID apiKeyId) {
        for (Object[] row : store.orderActivity(orderId)) {
            Membership m = em.find(Membership.class, row[0], LockModeType.PESSIMISTIC_WRITE);
            Programme p = Programme.findById(m.programmeId);
            long points = Math.min(((Number) row[1]).longValue(), reversedPoints.getOrDefault(m.programmeId, 0L));
            BigDecimal spend = new BigDecimal(row[2].toString()).min(refund);
            if (points <= 0 && spend.signum() <= 0) {
                continue;
            }
            store.activity(m.id, orderId, returnId, TierStore.instant(row[3]), -Math.max(0, points), spend.max(BigDecimal.ZERO).negate());
            if (p.tiers != null) {
                applyPolicyAfterReturn(p, m, orderId, apiKeyId);
            }
        }
    }

    private void applyPolicyAfterReturn(Programme p, Membership m, UUID orderId, UUID apiKeyId) {
        TierScheme scheme = p.tiers;
        MemberStatus s = store.status(m);
        Instant now = Timestamps.now();
        Instant windowStart = TierRules.windowStart(scheme, p.zone(), now);
        int current = Standing.earnedIndex(scheme, s);
        if (s.tier == null || s.tierSince == null || s.tierSince.isBefore(windowStart)) {
            return;
        }
        BigDecimal qualification = store.qualification(m.id, scheme.basis(), windowStart, null);
        int after = Math.max(scheme.qualifiedIndex(BigDecimal.ZERO),
                TierRules.afterReturn(scheme.downgradeOrDefault(), current, scheme.qualifiedIndex(qualification)));
        if (after == current) {
            return;
        }
        store.change(m.id, s.tier, Standing.name(scheme, after), TierChangeResponse.Reason.RETURN,
                "a return left qualification " + qualification.stripTrailingZeros().toPlainString()
                        + " under the threshold; policy " + scheme.downgradeOrDefault(), orderId, apiKeyId, now);
        s.tier = Standing.name(scheme, after);
        s.graceUntil = null;
        if (after < 0 || scheme.levels().get(after).threshold().signum() == 0) {
            s.reviewAt = null;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TierChangeResponse> history(UUID membershipId, PageRequest page) {
        if (membershipId == null) {
            return Page.of(List.<Object[]>of(), page.limit(), r -> (UUID) r[0], TierService::toChange);
        }
        List<Object[]> rows = Keyset.where().and("membership_id = :m", "m", membershipId).fetchNative(em,
                "SELECT id, from_tier, to_tier, reason, detail, order_id, occurred_at FROM tier_change", null, page);
        return Page.of(rows, page.limit(), r -> (UUID) r[0], TierService::toChange);
    }

    private static TierChangeResponse toChange(Object[] r) {
        return new TierChangeResponse((UUID) r[0], (String) r[1], (String) r[2], TierChangeResponse.Reason.valueOf((String) r[3]),
                (String) r[4], (UUID) r[5], TierStore.instant(r[6]));
    }
}
