package io.loyalty.partner;

import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.programme.Programme;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Statements, the operator's report and closings, all read from the settlement lines. */
@ApplicationScoped
@Transactional
public class SettlementService {
    private final EntityManager em;
    private final PartnerService partners;

    SettlementService(EntityManager em, PartnerService partners) {
        this.em = em;
        this.partners = partners;
    }

    /** The lines' totals of one kind, for one partner (or the operator) of one programme. */
    private record Totals(long lines, long points, BigDecimal owed, BigDecimal due, BigDecimal liability,
                          BigDecimal margin) {
        static final Totals NONE = new Totals(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerStatement statement(UUID partnerId, Instant from, Instant to, Caller caller) {
        Partner partner = partners.find(partnerId, caller, jakarta.persistence.LockModeType.NONE);
        Map<UUID, Map<UUID, Map<SettlementKind, Totals>>> totals = totals(from, to, partner.programmeId, partnerId);
        Map<SettlementKind, Totals> mine = totals.getOrDefault(partner.programmeId, Map.of())
                .getOrDefault(partnerId, Map.of());
        return statement(partner, mine, from, to, isClosed(to));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SettlementLineResponse> lines(UUID partnerId, UUID programmeId, SettlementKind kind, Instant from,
                                              Instant to, PageRequest page, Caller caller) {
        if (partnerId != null) {
            partners.find(partnerId, caller, jakarta.persistence.LockModeType.NONE);
        }
        return Keyset.where()
                .and("partnerId = :partner", "partner", partnerId)
                .and("programmeId = :programme", "programme", programmeId)
                .and("kind = :kind", "kind", kind)
                .and("bookedAt >= :from", "from", from)
                .and("bookedAt < :to", "to", to)
                .page(em, SettlementLine.class, page, l -> l.id, SettlementLineResponse::from);
    }

    /**
     * Every coalition programme with lines in the period. The difference is computed from three sums taken
     * independently (partners' due - owed, margins, liabilities), so a line that did not balance would show.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SettlementReport report(Instant from, Instant to, UUID programmeId) {
        Map<UUID, Map<UUID, Map<SettlementKind, Totals>>> totals = totals(from, to, programmeId, null);
        boolean closed = isClosed(to);
        List<SettlementReport.Programme> result = new ArrayList<>();
        for (var programme : totals.entrySet()) {
            Programme p = Programme.findById(programme.getKey());
            List<PartnerStatement> statements = new ArrayList<>();
            Map<SettlementKind, Totals> operator = Map.of();
            BigDecimal partnersNet = BigDecimal.ZERO;
            Map<SettlementKind, BigDecimal> margins = new EnumMap<>(SettlementKind.class);
            BigDecimal liability = BigDecimal.ZERO;
            for (var byPartner : programme.getValue().entrySet()) {
                for (var kind : byPartner.getValue().entrySet()) {
                    margins.merge(kind.getKey(), kind.getValue().margin(), BigDecimal::add);
                    liability = liability.add(kind.getValue().liability());
                }
                if (byPartner.getKey() == null) {
                    operator = byPartner.getValue();
                    continue;
                }
                PartnerStatement s = statement(em.find(Partner.class, byPartner.getKey()), byPartner.getValue(), from, to,
                        closed);
                partnersNet = partnersNet.add(s.net());
                statements.add(s);
            }
            BigDecimal zero = BigDecimal.ZERO;
            SettlementReport.Margin margin = new SettlementReport.Margin(
                    margins.getOrDefault(SettlementKind.ISSUE, zero).add(margins.getOrDefault(SettlementKind.ISSUE_REVERSAL, zero)),
                    margins.getOrDefault(SettlementKind.REDEMPTION, zero)
                            .add(margins.getOrDefault(SettlementKind.REDEMPTION_REFUND, zero)),
                    margins.getOrDefault(SettlementKind.EXPIRY, zero),
                    margins.getOrDefault(SettlementKind.OPERATOR, zero),
                    margins.values().stream().reduce(zero, BigDecimal::add));
            Totals own = operator.getOrDefault(SettlementKind.OPERATOR, Totals.NONE);
            long credited = ownCredited(from, to, p.id);
            result.add(new SettlementReport.Programme(p.id, p.currency, statements, credited, credited - own.points(),
                    -operator.getOrDefault(SettlementKind.EXPIRY, Totals.NONE).points(), partnersNet, margin, liability,
                    partnersNet.add(margin.total()).add(liability)));
        }
        return new SettlementReport(from, to, closedUntil(), result);
    }

    /**
     * Closes every period before {@code until}, once no line is being written (see the recorder's lock). It tries
     * the lock instead of queueing for it: a queued exclusive request would make new writers queue behind it while
     * they hold row locks that the writers it waits for may need, a deadlock.
     */
    public ClosingResponse close(Instant until, Caller caller) {
        if (until.isAfter(Timestamps.now())) {
            throw Problems.invalidField("until", "body", "must not be in the future");
        }
        lockOutWriters();
        Instant previous = SettlementRecorder.closedUntil(em);
        if (previous != null && !until.isAfter(previous)) {
            throw Problems.conflict("period-closed", "Settlements are closed until " + previous
                    + " already; a closing must be later");
        }
        SettlementClosing c = new SettlementClosing();
        c.id = Ids.newId();
        c.closedUntil = until;
        c.previousUntil = previous;
        c.apiKeyId = caller.apiKeyId();
        c.createdAt = Timestamps.now();
        c.persist();
        return ClosingResponse.from(c);
    }

    /**
     * Tries rather than waits: a waiting exclusive request would queue every writer's shared request behind it, so
     * coalition orders would stall for as long as the closing waits. Polling lets them through until a gap comes.
     */
    private void lockOutWriters() {
        for (int attempt = 0; attempt < 100; attempt++) {
            if ((Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:k)")
                    .setParameter("k", SettlementRecorder.CLOSING_LOCK).getSingleResult()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw Problems.conflict("settlement-busy", "Points movements of coalition programmes were being recorded "
                + "without a pause for 5 seconds; retry the closing");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClosingResponse> closings(PageRequest page) {
        return Keyset.where().page(em, SettlementClosing.class, page, c -> c.id, ClosingResponse::from);
    }

    private Instant closedUntil() {
        return SettlementRecorder.closedUntil(em);
    }

    private boolean isClosed(Instant to) {
        Instant closedUntil = closedUntil();
        return closedUntil != null && !to.isAfter(closedUntil);
    }

    private static PartnerStatement statement(Partner partner, Map<SettlementKind, Totals> t, Instant from, Instant to,
                                              boolean closed) {
        Programme p = Programme.findById(partner.programmeId);
        BigDecimal owed = BigDecimal.ZERO;
        BigDecimal due = BigDecimal.ZERO;
        long lines = 0;
        for (Totals x : t.values()) {
            owed = owed.add(x.owed());
            due = due.add(x.due());
            lines += x.lines();
        }
        return new PartnerStatement(partner.id, partner.name, partner.programmeId, p.currency, from, to, closed,
                t.getOrDefault(SettlementKind.ISSUE, Totals.NONE).points(),
                -t.getOrDefault(SettlementKind.ISSUE_REVERSAL, Totals.NONE).points(),
                -t.getOrDefault(SettlementKind.REDEMPTION, Totals.NONE).points(),
                t.getOrDefault(SettlementKind.REDEMPTION_REFUND, Totals.NONE).points(),
                owed, due, due.subtract(owed), lines);
    }

    /** Points the operator credited itself: the positive OPERATOR lines. */
    private long ownCredited(Instant from, Instant to, UUID programmeId) {
        Number n = (Number) em.createNativeQuery("""
                        SELECT coalesce(sum(points), 0) FROM settlement_line WHERE programme_id = :p AND kind = 'OPERATOR'
                          AND points > 0 AND booked_at >= :from AND booked_at < :to""")
                .setParameter("p", programmeId).setParameter("from", from).setParameter("to", to).getSingleResult();
        return n.longValue();
    }

    /** Totals by programme, partner (null: the operator) and kind, for lines booked in [from, to). */
    private Map<UUID, Map<UUID, Map<SettlementKind, Totals>>> totals(Instant from, Instant to, UUID programmeId,
                                                                     UUID partnerId) {
        String sql = """
                SELECT programme_id, partner_id, kind, count(*), sum(points), sum(owed), sum(due), sum(liability), sum(margin)
                FROM settlement_line WHERE booked_at >= :from AND booked_at < :to"""
                + (programmeId == null ? "" : " AND programme_id = :programme")
                + (partnerId == null ? "" : " AND partner_id = :partner")
                + " GROUP BY programme_id, partner_id, kind ORDER BY programme_id, partner_id NULLS FIRST, kind";
        jakarta.persistence.Query query = em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to);
        if (programmeId != null) {
            query.setParameter("programme", programmeId);
        }
        if (partnerId != null) {
            query.setParameter("partner", partnerId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, Map<UUID, Map<SettlementKind, Totals>>> result = new LinkedHashMap<>();
        for (Object[] r : rows) {
            result.computeIfAbsent((UUID) r[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent((UUID) r[1], k -> new EnumMap<>(SettlementKind.class))
                    .put(SettlementKind.valueOf((String) r[2]), new Totals(((Number) r[3]).longValue(),
                            ((Number) r[4]).longValue(), (BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7],
                            (BigDecimal) r[8]));
        }
        return result;
    }
}
