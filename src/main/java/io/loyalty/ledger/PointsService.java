package io.loyalty.ledger;

import io.loyalty.common.Idempotency;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.programme.Enrolment;
import io.loyalty.programme.ExpiryPolicy;
import io.loyalty.programme.Membership;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class PointsService {
    static final Duration EXPIRING_SOON = Duration.ofDays(30);

    private final EntityManager em;
    private final CustomerLookup customers;
    private final MembershipService memberships;
    private final Ledger ledger;
    private final Idempotency idempotency;

    PointsService(EntityManager em, CustomerLookup customers, MembershipService memberships, Ledger ledger,
                  Idempotency idempotency) {
        this.em = em;
        this.customers = customers;
        this.memberships = memberships;
        this.ledger = ledger;
        this.idempotency = idempotency;
    }

    /** Balances per programme the customer belongs to (or of one programme). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BalanceResponse> balances(UUID customerId, UUID programmeId) {
        customers.requireExists(customerId);
        Instant now = Timestamps.now();
        Map<UUID, Membership> rows = Membership.<Membership>list("customerId", customerId).stream()
                .collect(Collectors.toMap(m -> m.programmeId, Function.identity()));
        List<BalanceResponse> result = new ArrayList<>();
        for (Programme p : Programme.<Programme>listAll()) {
            if (programmeId != null && !p.id.equals(programmeId)) {
                continue;
            }
            Membership m = rows.get(p.id);
            boolean implicit = p.enrolment == Enrolment.AUTOMATIC && p.status == ProgrammeStatus.ACTIVE;
            if (m == null && !implicit && programmeId == null) {
                continue;
            }
            result.add(balance(p, m, now));
        }
        if (programmeId != null && result.isEmpty()) {
            throw Problems.notFound("Programme", programmeId);
        }
        result.sort(Comparator.comparing(BalanceResponse::programmeId));
        return result;
    }

    BalanceResponse balance(Programme p, Membership m, Instant now) {
        if (m == null) {
            return new BalanceResponse(p.id, p.name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, now);
        }
        long pending = 0;
        long spendable = 0;
        long expiring = 0;
        Instant nextExpiry = null;
        Instant soon = now.plus(EXPIRING_SOON);
        for (PointLot lot : PointLot.<PointLot>list("membershipId = ?1 and remaining > 0", m.id)) {
            if (lot.expiresAt != null && !lot.expiresAt.isAfter(now)) {
                continue; // past expiry, waiting for the expiry job
            }
            if (lot.availableFrom.isAfter(now)) {
                pending += lot.remaining;
            } else {
                spendable += lot.remaining;
            }
            if (lot.expiresAt != null && !lot.expiresAt.isAfter(soon)) {
                expiring += lot.remaining;
                nextExpiry = nextExpiry == null || lot.expiresAt.isBefore(nextExpiry) ? lot.expiresAt : nextExpiry;
            }
        }
        if (p.expiry.type() == ExpiryPolicy.Type.INACTIVITY && m.lastOrderAt != null) {
            Instant due = m.lastOrderAt.plus(Duration.ofDays(p.expiry.inactivityDays()));
            if (!due.isAfter(soon)) {
                expiring = pending + spendable;
                nextExpiry = due;
            }
        }
        return new BalanceResponse(p.id, p.name, m.balance, spendable - m.debt, pending, m.debt, m.earned, m.redeemed,
                m.reversed, m.expired, m.adjusted, expiring, nextExpiry, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<LedgerEntryResponse> ledger(UUID customerId, UUID programmeId, PageRequest page) {
        customers.requireExists(customerId);
        Map<UUID, UUID> programmeOf = Membership.<Membership>list("customerId", customerId).stream()
                .filter(m -> programmeId == null || m.programmeId.equals(programmeId))
                .collect(Collectors.toMap(m -> m.id, m -> m.programmeId));
        if (programmeOf.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        List<LedgerEntry> rows = Keyset.where().and("membershipId in :m", "m", programmeOf.keySet())
                .fetch(em, LedgerEntry.class, page);
        List<LedgerEntryResponse> described = describe(rows, programmeOf);
        return Page.of(described, page.limit(), LedgerEntryResponse::id, Function.identity());
    }

    /** Entries with their lots and allocations, read in two queries whatever the number of entries. */
    private List<LedgerEntryResponse> describe(List<LedgerEntry> rows, Map<UUID, UUID> programmeOf) {
        List<UUID> ids = rows.stream().map(e -> e.id).toList();
        Map<UUID, PointLot> lots = new HashMap<>();
        Map<UUID, List<LedgerEntryResponse.Allocation>> allocations = new HashMap<>();
        if (!ids.isEmpty()) {
            PointLot.<PointLot>list("entryId in ?1", ids).forEach(l -> lots.put(l.entryId, l));
            LedgerAllocation.<LedgerAllocation>list("debitEntryId in ?1 order by lotEntryId", ids).forEach(a ->
                    allocations.computeIfAbsent(a.debitEntryId, k -> new ArrayList<>())
                            .add(new LedgerEntryResponse.Allocation(a.lotEntryId, a.points)));
        }
        return rows.stream().map(e -> {
            PointLot lot = lots.get(e.id);
            return new LedgerEntryResponse(e.id, programmeOf.get(e.membershipId), e.type, e.points, e.balanceAfter,
                    e.orderId, e.returnId, e.redemptionId, e.ruleId, e.reason, e.apiKeyId, e.partnerId, e.occurredAt, e.createdAt,
                    lot == null ? null : new LedgerEntryResponse.Lot(lot.remaining, lot.availableFrom, lot.expiresAt),
                    allocations.getOrDefault(e.id, List.of()));
        }).toList();
    }

    /**
     * A manual correction with a mandatory reason. Positive adjustments are new lots under the
     * programme's expiry policy; negative ones draw from the oldest spendable lots and may leave a debt.
     */
    public Idempotency.Outcome<LedgerEntryResponse> adjust(UUID customerId, AdjustmentRequest request, String key,
                                                           Caller caller) {
        customers.requireExists(customerId);
        if (request.points() == 0) {
            throw Problems.invalidField("points", "body", "must not be 0");
        }
        return idempotency.once(caller.apiKeyId(), "adjustment:" + customerId, key, request, LedgerEntryResponse.class, () -> {
            Programme p = Programme.findById(request.programmeId());
            if (p == null) {
                throw Problems.notFound("Programme", request.programmeId());
            }
            Membership m = memberships.lockedMembership(p.id, customerId);
            Instant now = Timestamps.now();
            Ledger.Source source = Ledger.Source.of(caller.apiKeyId(), now).because(request.reason().strip());
            LedgerEntry entry = request.points() > 0
                    ? ledger.credit(m, EntryType.ADJUST, request.points(), now, p.expiry.expiresAt(now, p.zone()), source)
                    : ledger.debit(m, EntryType.ADJUST, -request.points(), ledger.spendableLots(m, now), source);
            em.flush();
            return describe(List.of(entry), Map.of(m.id, p.id)).get(0);
        });
    }

    /**
     * Credits points the business decided to give (an incident's compensation, a referral bonus): a
     * positive ADJUST with its reason, in the caller's transaction, so that the caller's own record of
     * the gift and the credit commit or roll back together. Once-only is the caller's concern.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntryResponse award(UUID customerId, UUID programmeId, long points, String reason, UUID apiKeyId) {
        Programme p = Programme.findById(programmeId);
        if (p == null) {
            throw Problems.unprocessable("unknown-programme", "Programme " + programmeId + " does not exist");
        }
        if (p.status == ProgrammeStatus.CLOSED) {
            throw Problems.conflict("programme-closed", "Programme " + p.id + " is closed");
        }
        Membership m = memberships.lockedMembership(p.id, customerId);
        Instant now = Timestamps.now();
        LedgerEntry entry = ledger.credit(m, EntryType.ADJUST, points, now, p.expiry.expiresAt(now, p.zone()),
                Ledger.Source.of(apiKeyId, now).because(reason));
        em.flush();
        return describe(List.of(entry), Map.of(m.id, p.id)).get(0);
    }
}
