package io.loyalty.tier;

import io.loyalty.programme.MembershipFee;
import io.loyalty.programme.Programme;
import io.loyalty.programme.TierScheme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a member holds at an instant: the tier (earned, or pinned), the tier whose benefits apply (a paid-only tier
 * falls back to the highest lower tier while unpaid), whether they are paid, and so their multiplier and benefits.
 * Pure: computed from the programme, the status row and the payments' covers.
 *
 * @param tier       the tier held, pinned or earned; null for none
 * @param benefitTier the tier whose multiplier and benefits apply now; null for none
 */
public record Standing(String tier, String earnedTier, String benefitTier, int rank, boolean pinned, boolean paid,
                       Instant paidUntil, BigDecimal multiplier, List<String> benefits) {

    public static final Standing NONE = new Standing(null, null, null, -1, false, false, null, BigDecimal.ONE, List.of());

    static Standing of(Programme p, MemberStatus s, List<PaidPeriods.Cover> covers, Instant at) {
        MembershipFee fee = p.fee;
        Instant cancelAt = s == null ? null : s.cancelAt;
        boolean paid = fee != null && PaidPeriods.paidAt(covers, cancelAt, at);
        Instant paidUntil = fee == null ? null : PaidPeriods.paidUntil(covers, cancelAt);
        BigDecimal multiplier = paid ? fee.multiplierOrOne() : BigDecimal.ONE;
        Set<String> benefits = new LinkedHashSet<>();
        TierScheme scheme = p.tiers;
        int earned = earnedIndex(scheme, s);
        int held = earned;
        boolean pinned = scheme != null && s != null && s.pinnedAt(at) && scheme.indexOf(s.pinnedTier) >= 0;
        if (pinned) {
            held = scheme.indexOf(s.pinnedTier);
        }
        int applies = held;
        while (applies >= 0 && scheme.levels().get(applies).requiresPayment() && !paid) {
            applies--;
        }
        if (applies >= 0) {
            TierScheme.Tier t = scheme.levels().get(applies);
            multiplier = multiplier.multiply(t.multiplierOrOne());
            benefits.addAll(t.benefitsOrNone());
        }
        if (paid) {
            benefits.addAll(fee.benefitsOrNone());
        }
        return new Standing(name(scheme, held), name(scheme, earned), name(scheme, applies), applies, pinned, paid,
                paidUntil, multiplier, List.copyOf(benefits));
    }

    /** The tier earned by qualification: the stored one, else the lowest tiers with threshold 0. */
    static int earnedIndex(TierScheme scheme, MemberStatus s) {
        if (scheme == null) {
            return -1;
        }
        int base = scheme.qualifiedIndex(BigDecimal.ZERO);
        return s == null || s.tier == null ? base : Math.max(base, scheme.indexOf(s.tier));
    }

    static String name(TierScheme scheme, int index) {
        return scheme == null || index < 0 ? null : scheme.levels().get(index).name();
    }

    /** A multiplier as the API shows it: 2, not 2.000000 or 1E+1. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Whether this member ranks at least the named tier; an unknown tier name admits nobody. */
    public boolean atLeast(TierScheme scheme, String tierName) {
        int needed = scheme == null ? -1 : scheme.indexOf(tierName);
        return needed >= 0 && rank >= needed;
    }
}
