package io.loyalty.partner;

import io.loyalty.common.NativeSql;
import io.loyalty.common.Timestamps;
import io.loyalty.ledger.EntryType;
import io.loyalty.ledger.LedgerMovement;
import io.loyalty.programme.Programme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Prices every ledger movement of a coalition programme (one with partners) as it is written, in the same
 * transaction: one settlement line per entry, booked in the period open at that moment. A movement dated
 * inside a closed period is booked at the start of the open one, so a closed period never changes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SettlementRecorder {
    /** Recording takes it shared, closing exclusively: a closing waits for the lines being written. */
    static final long CLOSING_LOCK = 0x5e771e_0001L;

    private static final String CLOSED_UNTIL = SettlementRecorder.class.getName() + ".closedUntil";
    private static final String COALITION = SettlementRecorder.class.getName() + ".coalition";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transaction;

    SettlementRecorder(EntityManager em, TransactionSynchronizationRegistry transaction) {
        this.em = em;
        this.transaction = transaction;
    }

    void record(@Observes LedgerMovement m) {
        if (m.partnerId() == null && !isCoalition(m.programmeId())) {
            return;
        }
        SettlementLine line = new SettlementLine();
        line.id = m.entryId();
        line.programmeId = m.programmeId();
        line.partnerId = m.partnerId();
        line.entryType = m.type().name();
        line.points = m.points();
        line.orderId = m.orderId();
        line.returnId = m.returnId();
        line.redemptionId = m.redemptionId();
        line.occurredAt = m.occurredAt();
        line.recordedAt = Timestamps.now();
        line.bookedAt = bookedAt(m.occurredAt());
        price(line, m);
        BigDecimal value = line.pointValue.multiply(BigDecimal.valueOf(line.points));
        line.liability = value;
        line.owed = BigDecimal.ZERO;
        line.due = BigDecimal.ZERO;
        switch (line.kind) {
            case ISSUE, ISSUE_REVERSAL -> line.owed = value.multiply(line.rate);
            // a REDEEM entry is negative: what the partner is due is positive
            case REDEMPTION, REDEMPTION_REFUND -> line.due = value.negate().multiply(line.rate);
            default -> {
            }
        }
        line.margin = line.owed.subtract(line.due).subtract(line.liability);
        em.persist(line);
    }

    /** The kind, point value and rate of a line: today's terms, or those of the line it takes back. */
    private void price(SettlementLine line, LedgerMovement m) {
        Programme programme = Programme.findById(m.programmeId());
        line.pointValue = programme.pointValue;
        line.rate = BigDecimal.ZERO;
        if (m.partnerId() == null) {
            line.kind = m.type() == EntryType.EXPIRE ? SettlementKind.EXPIRY : SettlementKind.OPERATOR;
            return;
        }
        Partner partner = em.find(Partner.class, m.partnerId());
        switch (m.type()) {
            case EARN -> {
                line.kind = SettlementKind.ISSUE;
                line.rate = partner.issuancePrice;
            }
            case REDEEM -> {
                line.kind = SettlementKind.REDEMPTION;
                line.rate = partner.reimbursementRate;
            }
            case REVERSE -> {
                line.kind = SettlementKind.ISSUE_REVERSAL;
                line.rate = partner.issuancePrice;
                original("orderId", m.orderId(), SettlementKind.ISSUE, m.partnerId(), line);
            }
            case REFUND -> {
                line.kind = SettlementKind.REDEMPTION_REFUND;
                line.rate = partner.reimbursementRate;
                original("redemptionId", m.redemptionId(), SettlementKind.REDEMPTION, m.partnerId(), line);
            }
            default -> line.kind = m.type() == EntryType.EXPIRE ? SettlementKind.EXPIRY : SettlementKind.OPERATOR;
        }
    }

    /** A take-back is priced as what it takes back was, so that the two cancel exactly. */
    private void original(String field, UUID id, SettlementKind kind, UUID partnerId, SettlementLine line) {
        if (id == null) {
            return;
        }
        List<SettlementLine> originals = em.createQuery("from SettlementLine where " + field + " = :id and kind = :kind "
                        + "and partnerId = :partner order by id", SettlementLine.class)
                .setParameter("id", id).setParameter("kind", kind).setParameter("partner", partnerId)
                .setMaxResults(1).getResultList();
        if (!originals.isEmpty()) {
            line.rate = originals.get(0).rate;
            line.pointValue = originals.get(0).pointValue;
        }
    }

    /**
     * Asked once per programme and transaction (an order writes an entry per rule), and not cached longer: a partner
     * added on another instance must have its programme's next entries settled.
     */
    @SuppressWarnings("unchecked")
    private boolean isCoalition(UUID programmeId) {
        Map<UUID, Boolean> known = (Map<UUID, Boolean>) transaction.getResource(COALITION);
        if (known == null) {
            known = new HashMap<>();
            transaction.putResource(COALITION, known);
        }
        // Plain JDBC: every batch of orders asks, and a Hibernate query cost 4 % of a batch writer's time. Partners are
        // created in transactions of their own, so none can be pending in this one's persistence context.
        return known.computeIfAbsent(programmeId,
                p -> NativeSql.exists(em, "SELECT 1 FROM partner WHERE programme_id = ? LIMIT 1", p));
    }

    /**
     * The lock is held to the end of the transaction, so the closing read under it stays the current one: both are
     * taken once per transaction (an order writes several entries).
     */
    @SuppressWarnings("unchecked")
    private Instant bookedAt(Instant occurredAt) {
        Optional<Instant> closedUntil = (Optional<Instant>) transaction.getResource(CLOSED_UNTIL);
        if (closedUntil == null) {
            em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock_shared(:k) AS text)").setParameter("k", CLOSING_LOCK)
                    .getSingleResult();
            closedUntil = Optional.ofNullable(closedUntil(em));
            transaction.putResource(CLOSED_UNTIL, closedUntil);
        }
        return closedUntil.filter(occurredAt::isBefore).orElse(occurredAt);
    }

    static Instant closedUntil(EntityManager em) {
        return em.createQuery("select max(closedUntil) from SettlementClosing", Instant.class).getSingleResult();
    }
}
