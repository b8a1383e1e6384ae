package io.loyalty.ledger;

import io.loyalty.common.BusinessMetrics;
import io.loyalty.common.Ids;
import io.loyalty.common.Timestamps;
import io.loyalty.programme.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The only code that changes points. Every method must run inside the caller's transaction with the
 * membership row locked, and keeps these invariants: the membership's {@code balance} equals the sum
 * of its ledger entries, and also the sum of its lots' remainders minus its {@code debt}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    private final EntityManager em;
    private final BusinessMetrics metrics;
    private final Event<LedgerMovement> movements;

    Ledger(EntityManager em, BusinessMetrics metrics, Event<LedgerMovement> movements) {
        this.em = em;
        this.metrics = metrics;
        this.movements = movements;
    }

    /** Where an entry came from, for the audit trail. */
    /** Where an entry came from, for the audit trail; {@code partnerId}: the coalition partner it is settled with. */
    public record Source(UUID orderId, UUID returnId, UUID redemptionId, String ruleId, Integer[] basisLines,
                         String reason, UUID apiKeyId, Instant occurredAt, UUID partnerId) {
        public static Source of(UUID apiKeyId, Instant occurredAt) {
            return new Source(null, null, null, null, null, null, apiKeyId, occurredAt, null);
        }

        public Source order(UUID id) {
            return new Source(id, returnId, redemptionId, ruleId, basisLines, reason, apiKeyId, occurredAt, partnerId);
        }

        public Source rule(String id, Integer[] lines) {
            return new Source(orderId, returnId, redemptionId, id, lines, reason, apiKeyId, occurredAt, partnerId);
        }

        public Source returned(UUID id) {
            return new Source(orderId, id, redemptionId, ruleId, basisLines, reason, apiKeyId, occurredAt, partnerId);
        }

        public Source redemption(UUID id) {
            return new Source(orderId, returnId, id, ruleId, basisLines, reason, apiKeyId, occurredAt, partnerId);
        }

        public Source because(String why) {
            return new Source(orderId, returnId, redemptionId, ruleId, basisLines, why, apiKeyId, occurredAt, partnerId);
        }

        public Source partner(UUID id) {
            return new Source(orderId, returnId, redemptionId, ruleId, basisLines, reason, apiKeyId, occurredAt, id);
        }
    }

    /**
     * One credit to write: points as a new lot of a membership (EARN, REFUND or a positive ADJUST).
     * {@code earnedAt} orders the lot for spending (oldest first); a refund keeps the original lot's.
     */
    public record Credit(Membership membership, EntryType type, long points, Instant earnedAt, Instant availableFrom,
                         Instant expiresAt, Source source) {
        public Credit {
            if (points <= 0) {
                throw new IllegalArgumentException("a credit is positive");
            }
        }

        public Credit(Membership membership, EntryType type, long points, Instant availableFrom, Instant expiresAt,
                      Source source) {
            this(membership, type, points, source.occurredAt(), availableFrom, expiresAt, source);
        }
    }

    /** Credits points as a new lot. Outstanding debt is repaid from the new lot first. */
    public LedgerEntry credit(Membership m, EntryType type, long points, Instant availableFrom, Instant expiresAt,
                              Source source) {
        return credit(List.of(new Credit(m, type, points, availableFrom, expiresAt, source))).get(0);
    }

    /**
     * Writes several credits: every entry, then every lot (the flush sends each table's rows as one statement,
     * hibernate.order_inserts). Outstanding debts are repaid from the new lots.
     */
    public List<LedgerEntry> credit(List<Credit> credits) {
        List<LedgerEntry> entries = new ArrayList<>(credits.size());
        for (Credit c : credits) {
            entries.add(entry(c.membership(), c.type(), c.points(), c.source()));
            switch (c.type()) {
                case EARN -> c.membership().earned += c.points();
                // redeemed counts points redeemed net of those given back
                case REFUND -> c.membership().redeemed -= c.points();
                case ADJUST -> c.membership().adjusted += c.points();
                default -> throw new IllegalArgumentException(c.type() + " is a debit");
            }
        }
        List<PointLot> lots = new ArrayList<>(credits.size());
        for (int i = 0; i < credits.size(); i++) {
            Credit c = credits.get(i);
            PointLot lot = new PointLot();
            lot.entryId = entries.get(i).id;
            lot.membershipId = c.membership().id;
            lot.points = c.points();
            lot.remaining = c.points();
            lot.earnedAt = c.earnedAt();
            lot.availableFrom = c.availableFrom();
            lot.expiresAt = c.expiresAt();
            em.persist(lot);
            lots.add(lot);
        }
        for (int i = 0; i < credits.size(); i++) {
            Membership m = credits.get(i).membership();
            if (m.debt > 0) {
                repayDebt(m, lots.get(i));
            }
        }
        return entries;
    }

    /**
     * Debits points, drawing from the given lots in order (each up to what remains of it), then from the
     * membership's other open lots, oldest first. Only what no lot can cover becomes debt, which later
     * credits repay: so a membership never owes points while it holds points that could pay them, whatever
     * the order of events (a return after a top-up leaves no debt, as one before it would not).
     */
    public LedgerEntry debit(Membership m, EntryType type, long points, List<PointLot> from, Source source) {
        if (points <= 0) {
            throw new IllegalArgumentException("the amount of a debit is positive");
        }
        LedgerEntry entry = entry(m, type, -points, source);
        long left = drawFrom(entry, from, points);
        if (left > 0) {
            left = drawFrom(entry, openLots(m, source.occurredAt()), left);
        }
        m.debt += left;
        switch (type) {
            case REDEEM -> m.redeemed += points;
            case REVERSE -> m.reversed += points;
            case EXPIRE -> m.expired += points;
            case ADJUST -> m.adjusted -= points;
            case EARN, REFUND -> throw new IllegalArgumentException(type + " is a credit");
        }
        return entry;
    }

    /** Draws up to {@code points} from the lots in order; answers what they could not cover. */
    private long drawFrom(LedgerEntry entry, List<PointLot> lots, long points) {
        long left = points;
        for (PointLot lot : lots) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining);
            if (take > 0) {
                allocate(entry.id, lot, take);
                left -= take;
            }
        }
        return left;
    }

    /**
     * Every lot with points left that has not expired at {@code at}, pending ones included (a debt must not
     * sit beside points that will become available), oldest first, locked.
     */
    @SuppressWarnings("unchecked")
    private List<PointLot> openLots(Membership m, Instant at) {
        return em.createNativeQuery("""
                        SELECT * FROM point_lot WHERE membership_id = :m AND remaining > 0
                          AND (expires_at IS NULL OR expires_at > :at) ORDER BY earned_at, entry_id FOR UPDATE""",
                        PointLot.class)
                .setParameter("m", m.id)
                .setParameter("at", at)
                .getResultList();
    }

    /**
     * Lots that can be spent at {@code at}, oldest first, locked. Native SQL: Hibernate translates an
     * HQL query with a lock mode again on every execution, and every redemption runs this one.
     */
    @SuppressWarnings("unchecked")
    public List<PointLot> spendableLots(Membership m, Instant at) {
        return em.createNativeQuery("""
                        SELECT * FROM point_lot WHERE membership_id = :m AND remaining > 0 AND available_from <= :at
                          AND (expires_at IS NULL OR expires_at > :at) ORDER BY earned_at, entry_id FOR UPDATE""",
                        PointLot.class)
                .setParameter("m", m.id)
                .setParameter("at", at)
                .getResultList();
    }

    /** What a debit drew from each lot, with the lot, in the order it was drawn. */
    public record Drawn(PointLot lot, long points) {
    }

    public List<Drawn> drawnBy(UUID debitEntryId) {
        List<LedgerAllocation> allocations = LedgerAllocation.list("debitEntryId = ?1", debitEntryId);
        List<Drawn> result = new ArrayList<>();
        for (LedgerAllocation a : allocations) {
            result.add(new Drawn(em.find(PointLot.class, a.lotEntryId), a.points));
        }
        result.sort(java.util.Comparator.comparing((Drawn d) -> d.lot().earnedAt).thenComparing(d -> d.lot().entryId));
        return result;
    }

    /** Open lots credited by the given entries, in entry order. */
    public List<PointLot> lotsOf(List<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from PointLot where entryId in :ids order by entryId", PointLot.class)
                .setParameter("ids", entryIds)
                .getResultList();
    }

    private LedgerEntry entry(Membership m, EntryType type, long signedPoints, Source source) {
        m.balance += signedPoints;
        LedgerEntry e = new LedgerEntry();
        e.id = Ids.newId();
        e.membershipId = m.id;
        e.type = type;
        e.points = signedPoints;
        e.balanceAfter = m.balance;
        e.orderId = source.orderId();
        e.returnId = source.returnId();
        e.redemptionId = source.redemptionId();
        e.ruleId = source.ruleId();
        e.basisLines = source.basisLines();
        e.reason = source.reason();
        e.apiKeyId = source.apiKeyId();
        e.occurredAt = source.occurredAt();
        e.partnerId = source.partnerId();
        e.createdAt = Timestamps.now();
        em.persist(e);
        movements.fire(new LedgerMovement(e.id, m.programmeId, m.id, type, signedPoints, e.partnerId, e.orderId,
                e.returnId, e.redemptionId, e.occurredAt));
        metrics.points(m.programmeId, MOVEMENTS.get(type), signedPoints);
        return e;
    }

    /** How each entry type is named in the loyalty_points_total series. */
    private static final java.util.Map<EntryType, String> MOVEMENTS = java.util.Map.of(
            EntryType.EARN, "issued", EntryType.REDEEM, "redeemed", EntryType.EXPIRE, "expired",
            EntryType.REVERSE, "reversed", EntryType.REFUND, "refunded", EntryType.ADJUST, "adjusted");

    private void allocate(UUID debitId, PointLot lot, long points) {
        LedgerAllocation a = new LedgerAllocation();
        a.debitEntryId = debitId;
        a.lotEntryId = lot.entryId;
        a.points = points;
        em.persist(a);
        lot.remaining -= points;
    }

    /** Repays debts, oldest debit first, from a fresh lot. Runs only while a membership owes points. */
    private void repayDebt(Membership m, PointLot lot) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> owing = em.createNativeQuery("""
                        SELECT e.id, -e.points - coalesce(sum(a.points), 0) AS owed
                        FROM ledger_entry e LEFT JOIN ledger_allocation a ON a.debit_entry_id = e.id
                        WHERE e.membership_id = :m AND e.points < 0
                        GROUP BY e.id, e.points HAVING -e.points - coalesce(sum(a.points), 0) > 0
                        ORDER BY e.id""")
                .setParameter("m", m.id)
                .getResultList();
        List<Object[]> debts = new ArrayList<>(owing);
        for (Object[] row : debts) {
            if (lot.remaining == 0 || m.debt == 0) {
                break;
            }
            long take = Math.min(Math.min(((Number) row[1]).longValue(), lot.remaining), m.debt);
            allocate((UUID) row[0], lot, take);
            m.debt -= take;
        }
    }
}
