package io.loyalty.metrics;

import io.loyalty.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Programme effectiveness (METRICS.md, "Programmes"), for every kind of programme, NATURAL ones included. */
@ApplicationScoped
public class ProgrammeMetricsService {
    /** Revenue per customer and uplift are shown to 4 decimals, the precision of order amounts. */
    private static final int MONEY_SCALE = 4;

    private final ProgrammeMetricsQueries queries;
    private final ProgrammeKindQueries kinds;
    private final ManagedExecutor executor;

    ProgrammeMetricsService(ProgrammeMetricsQueries queries, ProgrammeKindQueries kinds, ManagedExecutor executor) {
        this.queries = queries;
        this.kinds = kinds;
        this.executor = executor;
    }

    public ProgrammeMetrics metrics(UUID id, Scope requested) {
        ProgrammeMetrics.Programme programme = queries.programme(id);
        if (programme == null) {
            throw Problems.notFound("Programme", id);
        }
        // Points are earned in the programme's currency only; its revenue comparison is in that currency too.
        Scope p = requested.currency() != null ? requested : new Scope(requested.from(), requested.to(), requested.zone(),
                null, requested.channel(), programme.currency(), requested.partnerId());
        // The comparison (RFM as of `from`, several seconds at 10M orders) runs on a second analytics connection
        // while this thread reads the memberships and the ledger.
        CompletableFuture<List<ProgrammeMetricsQueries.SegmentRow>> segments = executor.supplyAsync(() -> queries.segments(id, p));
        ProgrammeMetricsQueries.Memberships m;
        ProgrammeMetricsQueries.Ledger ledger;
        try {
            m = queries.memberships(id, p);
            ledger = queries.ledger(id, p);
        } catch (RuntimeException e) {
            segments.cancel(true);
            throw e;
        }
        List<ProgrammeMetricsQueries.SegmentRow> rows = Futures.joined(segments);
        ProgrammeMetrics.Points points = ledger.points();
        MetricsInputs echoed = new MetricsInputs(p.from(), p.to(), p.zone().getId(), id, p.channel(), p.currency(), p.partnerId());
        return new ProgrammeMetrics(echoed, programme, m.members(), m.joins(), m.leaves(), points,
                Rate.of(points.redeemed(), points.issued()), Rate.of(points.expired(), points.issued()),
                ledger.outstanding(), ledger.owed(), programme.pointValue().multiply(BigDecimal.valueOf(ledger.outstanding())),
                programme.currency(), comparison(p.currency(), rows), rewardCost(programme.pointValue(), rows),
                paidMembership(id, p), coalition(id, p));
    }

    private ProgrammeMetrics.PaidMembership paidMembership(UUID id, Scope p) {
        String feeCurrency = kinds.feeCurrency(id);
        return feeCurrency == null ? null : kinds.paid(id, feeCurrency, p);
    }

    private ProgrammeMetrics.Coalition coalition(UUID id, Scope p) {
        List<ProgrammeMetrics.PartnerPoints> partners = kinds.partners(id);
        if (partners.isEmpty()) {
            return null;
        }
        Map<UUID, long[]> points = kinds.pointsByPartner(id, p);
        List<ProgrammeMetrics.PartnerPoints> rows = new ArrayList<>();
        for (ProgrammeMetrics.PartnerPoints partner : partners) {
            rows.add(withPoints(partner.id(), partner.name(), points.get(partner.id())));
        }
        long[] cross = kinds.crossRedemption(id, p);
        return new ProgrammeMetrics.Coalition(rows, withPoints(null, null, points.get(null)), Rate.of(cross[1], cross[0]), cross[2]);
    }

    private static ProgrammeMetrics.PartnerPoints withPoints(UUID id, String name, long[] n) {
        long[] v = n == null ? new long[4] : n;
        return new ProgrammeMetrics.PartnerPoints(id, name, v[0], v[1], v[2], v[3]);
    }

    private static ProgrammeMetrics.Comparison comparison(String currency, List<ProgrammeMetricsQueries.SegmentRow> rows) {
        Map<RfmSegment, long[]> counts = new EnumMap<>(RfmSegment.class);
        Map<RfmSegment, BigDecimal[]> revenue = new EnumMap<>(RfmSegment.class);
        for (ProgrammeMetricsQueries.SegmentRow row : rows) {
            if (row.segment() == null) {
                continue;
            }
            Currencies.requireSingle(row.leastCurrency(), row.greatestCurrency());
            RfmSegment s = RfmSegment.ofLabel(row.segment());
            int i = row.member() ? 0 : 1;
            counts.computeIfAbsent(s, k -> new long[2])[i] = row.customers();
            revenue.computeIfAbsent(s, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO})[i] = row.revenue();
        }
        List<ProgrammeMetrics.SegmentComparison> segments = new ArrayList<>();
        long weights = 0;
        BigDecimal difference = BigDecimal.ZERO;
        BigDecimal expected = BigDecimal.ZERO;
        for (RfmSegment s : RfmSegment.values()) {
            long[] n = counts.getOrDefault(s, new long[2]);
            BigDecimal[] rev = revenue.getOrDefault(s, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal perMember = per(rev[0], n[0]);
            BigDecimal perNonMember = per(rev[1], n[1]);
            BigDecimal uplift = null;
            if (n[0] > 0 && n[1] > 0) {
                // exact: members' revenue minus what as many non-members of the segment bought
                BigDecimal atNonMemberRate = rev[1].multiply(BigDecimal.valueOf(n[0])).divide(BigDecimal.valueOf(n[1]), MathContext.DECIMAL128);
                difference = difference.add(rev[0].subtract(atNonMemberRate));
                expected = expected.add(atNonMemberRate);
                weights += n[0];
                uplift = rev[0].divide(BigDecimal.valueOf(n[0]), MathContext.DECIMAL128)
                        .subtract(rev[1].divide(BigDecimal.valueOf(n[1]), MathContext.DECIMAL128))
                        .setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
            }
            segments.add(new ProgrammeMetrics.SegmentComparison(s.label, n[0], n[1], rev[0], rev[1], perMember, perNonMember, uplift));
        }
        BigDecimal weighted = weights == 0 ? null
                : difference.divide(BigDecimal.valueOf(weights), MONEY_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal relative = weights == 0 || expected.signum() == 0 ? null
                : difference.divide(expected, Rate.SCALE, RoundingMode.HALF_EVEN);
        return new ProgrammeMetrics.Comparison(currency, segments, weights, weighted, relative);
    }

    private static ProgrammeMetrics.RewardCost rewardCost(BigDecimal pointValue, List<ProgrammeMetricsQueries.SegmentRow> rows) {
        Map<RfmSegment, Long> bySegment = new EnumMap<>(RfmSegment.class);
        long unsegmented = 0;
        long total = 0;
        for (ProgrammeMetricsQueries.SegmentRow row : rows) {
            total += row.points();
            if (row.segment() == null) {
                unsegmented += row.points();
            } else {
                bySegment.merge(RfmSegment.ofLabel(row.segment()), row.points(), Long::sum);
            }
        }
        List<ProgrammeMetrics.SegmentCost> segments = new ArrayList<>();
        for (RfmSegment s : RfmSegment.values()) {
            long points = bySegment.getOrDefault(s, 0L);
            segments.add(new ProgrammeMetrics.SegmentCost(s.label, points, value(points, pointValue)));
        }
        long loyal = bySegment.getOrDefault(RfmSegment.CHAMPIONS, 0L) + bySegment.getOrDefault(RfmSegment.LOYAL_CUSTOMERS, 0L);
        return new ProgrammeMetrics.RewardCost(segments, new ProgrammeMetrics.SegmentCost(null, unsegmented,
                value(unsegmented, pointValue)), total, value(total, pointValue), Rate.of(loyal, total));
    }

    private static BigDecimal per(BigDecimal revenue, long customers) {
        return customers == 0 ? null : revenue.divide(BigDecimal.valueOf(customers), MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal value(long points, BigDecimal pointValue) {
        return pointValue.multiply(BigDecimal.valueOf(points));
    }
}
