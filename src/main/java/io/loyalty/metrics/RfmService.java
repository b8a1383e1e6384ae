package io.loyalty.metrics;

import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** RFM segmentation (METRICS.md): the summary by segment and the scored customers. */
@ApplicationScoped
public class RfmService {
    private final RfmQueries queries;

    RfmService(RfmQueries queries) {
        this.queries = queries;
    }

    public RfmSummary summary(Scope scope) {
        RfmQueries.Summary s = queries.summary(scope);
        Currencies.requireSingle(s.leastCurrency(), s.greatestCurrency());
        List<RfmSummary.Segment> segments = new ArrayList<>();
        long customers = 0;
        for (RfmSegment segment : RfmSegment.values()) {
            RfmQueries.SegmentRow row = s.segments().get(segment);
            if (row == null) {
                segments.add(new RfmSummary.Segment(segment.label, 0, 0, BigDecimal.ZERO, null, null, null));
                continue;
            }
            int[] r = row.scoreRanges();
            customers += row.customers();
            segments.add(new RfmSummary.Segment(segment.label, row.customers(), row.orders(), row.revenue(),
                    new RfmSummary.ScoreRange(r[0], r[1]), new RfmSummary.ScoreRange(r[2], r[3]),
                    new RfmSummary.ScoreRange(r[4], r[5])));
        }
        RfmSummary.Bins bins = s.edges() == null ? null : new RfmSummary.Bins(
                dimension(Arrays.copyOfRange(s.edges(), 0, 6), true),
                dimension(Arrays.copyOfRange(s.edges(), 6, 12), false),
                dimension(Arrays.copyOfRange(s.edges(), 12, 18), false));
        return new RfmSummary(RfmInputs.of(scope), customers, s.leastCurrency(), segments, bins);
    }

    public Page<RfmCustomer> customers(Scope scope, RfmSegment segment, PageRequest page) {
        List<RfmQueries.Scored> rows = queries.customers(scope, segment, page);
        if (!rows.isEmpty()) {
            Currencies.requireSingle(rows.get(0).leastCurrency(), rows.get(0).greatestCurrency());
        }
        return Page.of(rows, page.limit(), r -> r.customer().customerId(), RfmQueries.Scored::customer);
    }

    /** From (min, q1..q4, max) to R's threshold table: lower = (min, q+1), upper = (q+1, max+1); recency in days. */
    private static RfmSummary.Dimension dimension(BigDecimal[] e, boolean seconds) {
        BigDecimal one = seconds ? BigDecimal.valueOf(RfmSql.DAY_SECONDS) : BigDecimal.ONE;
        List<BigDecimal> quantiles = new ArrayList<>();
        List<BigDecimal> lower = new ArrayList<>();
        List<BigDecimal> upper = new ArrayList<>();
        lower.add(shown(e[0], seconds));
        for (int k = 1; k <= 4; k++) {
            quantiles.add(shown(e[k], seconds));
            lower.add(shown(e[k].add(one), seconds));
            upper.add(shown(e[k].add(one), seconds));
        }
        upper.add(shown(e[5].add(one), seconds));
        return new RfmSummary.Dimension(quantiles, lower, upper);
    }

    private static BigDecimal shown(BigDecimal value, boolean seconds) {
        return seconds ? RfmQueries.days(value) : RfmQueries.plain(value);
    }
}
