package io.loyalty.tier;

import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.programme.Enrolment;
import io.loyalty.programme.Membership;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.Programme;
import io.loyalty.programme.TierScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Reading a member's tier and paid state, and an admin's pins. */
@ApplicationScoped
@Transactional
public class MemberStatusService {
    private final TierStore store;
    private final TierService tiers;
    private final MembershipService memberships;
    private final CustomerLookup customers;

    MemberStatusService(TierStore store, TierService tiers, MembershipService memberships, CustomerLookup customers) {
        this.store = store;
        this.tiers = tiers;
        this.memberships = memberships;
        this.customers = customers;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberStatusResponse status(UUID programmeId, UUID customerId) {
        Programme p = programme(programmeId);
        customers.requireExists(customerId);
        return view(p, customerId, memberships.membershipId(programmeId, customerId).orElse(null), Timestamps.now());
    }

    /** The status of a member (membershipId null: no row yet) as the loyalty summary and the API show it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberStatusResponse view(Programme p, UUID customerId, UUID membershipId, Instant now) {
        MemberStatus s = store.find(membershipId);
        Standing standing = tiers.standing(p, membershipId, now);
        PaidSummary paid = p.fee == null ? null
                : new PaidSummary(standing.paid(), standing.paidUntil(), s == null ? null : s.cancelAt, p.fee);
        return new MemberStatusResponse(p.id, customerId, p.tiers == null ? null : tierSummary(p, s, membershipId, standing, now),
                paid, standing.benefits(), Standing.plain(standing.multiplier()));
    }

    private TierSummary tierSummary(Programme p, MemberStatus s, UUID membershipId, Standing standing, Instant now) {
        TierScheme scheme = p.tiers;
        Instant windowStart = TierRules.windowStart(scheme, p.zone(), now);
        BigDecimal qualification = store.qualification(membershipId, scheme.basis(), windowStart, null);
        int earned = Standing.earnedIndex(scheme, s);
        TierSummary.Next next = null;
        if (earned + 1 < scheme.levels().size()) {
            TierScheme.Tier up = scheme.levels().get(earned + 1);
            next = new TierSummary.Next(up.name(), up.threshold(), up.threshold().subtract(qualification).max(BigDecimal.ZERO));
        }
        TierSummary.Keep keep = null;
        Instant decides = s == null ? null : s.graceUntil != null ? s.graceUntil : s.reviewAt;
        if (earned >= 0 && decides != null && scheme.downgradeOrDefault() != TierScheme.Downgrade.NEVER) {
            TierScheme.Tier held = scheme.levels().get(earned);
            BigDecimal counted = store.qualification(membershipId, scheme.basis(),
                    TierRules.windowEndingAt(scheme, p.zone(), decides), decides);
            keep = new TierSummary.Keep(held.name(), held.threshold(), counted,
                    held.threshold().subtract(counted).max(BigDecimal.ZERO), decides, s.graceUntil != null);
        }
        TierSummary.Pin pin = standing.pinned() ? new TierSummary.Pin(s.pinnedTier, s.pinReason, s.pinnedUntil) : null;
        return new TierSummary(standing.tier(), standing.earnedTier(), standing.benefitTier(), pin,
                s == null ? null : s.tierSince, scheme.basis(), qualification, windowStart, next, keep,
                scheme.levels().stream().map(TierScheme.Tier::name).toList());
    }

    public MemberStatusResponse pin(UUID programmeId, UUID customerId, PinRequest request, UUID apiKeyId) {
        Programme p = tiered(programmeId);
        if (p.tiers.indexOf(request.tier()) < 0) {
            throw Problems.invalidField("tier", "body", "must be one of the programme's tiers: "
                    + p.tiers.levels().stream().map(TierScheme.Tier::name).toList());
        }
        Instant now = Timestamps.now();
        Instant until = request.until().toInstant();
        if (!until.isAfter(now)) {
            throw Problems.invalidField("until", "body", "must be in the future");
        }
        Membership m = member(p, customerId);
        MemberStatus s = store.status(m);
        String before = tiers.standing(p, m.id, now).tier();
        store.change(m.id, before, request.tier(), TierChangeResponse.Reason.PINNED,
                request.reason() + " (until " + until + ")", null, apiKeyId, now);
        s.pinnedTier = request.tier();
        s.pinReason = request.reason();
        s.pinnedUntil = until;
        return view(p, customerId, m.id, now);
    }

    public void unpin(UUID programmeId, UUID customerId, UUID apiKeyId) {
        Programme p = tiered(programmeId);
        Membership m = member(p, customerId);
        MemberStatus s = store.status(m);
        Instant now = Timestamps.now();
        if (s.pinnedAt(now)) {
            store.change(m.id, s.pinnedTier, Standing.name(p.tiers, Standing.earnedIndex(p.tiers, s)),
                    TierChangeResponse.Reason.UNPINNED, "pin removed", null, apiKeyId, now);
        }
        s.pinnedTier = null;
        s.pinReason = null;
        s.pinnedUntil = null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TierChangeResponse> history(UUID programmeId, UUID customerId, PageRequest page) {
        programme(programmeId);
        customers.requireExists(customerId);
        return tiers.history(memberships.membershipId(programmeId, customerId).orElse(null), page);
    }

    /** The locked membership of a customer who is a member (AUTOMATIC programmes: everyone). */
    Membership member(Programme p, UUID customerId) {
        customers.requireExists(customerId);
        if (p.enrolment != Enrolment.AUTOMATIC && !memberships.hasJoined(p.id, customerId)) {
            throw Problems.unprocessable("not-a-member", "Customer " + customerId + " has not joined programme " + p.id);
        }
        return memberships.lockedMembership(p.id, customerId);
    }

    private Programme tiered(UUID programmeId) {
        Programme p = programme(programmeId);
        if (p.tiers == null) {
            throw Problems.unprocessable("no-tiers", "Programme " + programmeId + " has no tiers");
        }
        return p;
    }

    static Programme programme(UUID programmeId) {
        Programme p = Programme.findById(programmeId);
        if (p == null) {
            throw Problems.notFound("Programme", programmeId);
        }
        return p;
    }
}
