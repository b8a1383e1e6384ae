package io.loyalty.metrics;

import io.loyalty.common.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The RFM statements over {@link RfmSql#scoredCustomers}: per segment, and one page of customers. */
@ApplicationScoped
public class RfmQueries {
    private static final String[] EDGES = {"r_min", "r1", "r2", "r3", "r4", "r_max", "f_min", "f1", "f2", "f3", "f4",
            "f_max", "m_min", "m1", "m2", "m3", "m4", "m_max"};
    private static final BigDecimal DAY = BigDecimal.valueOf(RfmSql.DAY_SECONDS);

    private final AnalyticsDatabase analytics;

    RfmQueries(AnalyticsDatabase analytics) {
        this.analytics = analytics;
    }

    /** One row per non-empty segment, and the population's edges and currencies. */
    public record SegmentRow(RfmSegment segment, long customers, long orders, BigDecimal revenue,
                             int[] scoreRanges) {
    }

    public record Summary(Map<RfmSegment, SegmentRow> segments, BigDecimal[] edges, String leastCurrency,
                          String greatestCurrency) {
    }

    public Summary summary(Scope scope) {
        return summary(scope, CustomerHistory.before(scope, scope.to()));
    }

    /** The same over a given {@link CustomerHistory} before the scope's end. */
    Summary summary(Scope scope, Sql history) {
        Sql sql = new Sql("SELECT * FROM ");
        sql.append(RfmSql.segments(scope.to(), history)).append(" g");
        sortedUnlessSummarised(sql, scope);
        return analytics.query(sql, rs -> {
            Map<RfmSegment, SegmentRow> rows = new EnumMap<>(RfmSegment.class);
            BigDecimal[] edgeValues = null;
            String least = null;
            String greatest = null;
            while (rs.next()) {
                int[] ranges = new int[6];
                for (int i = 0; i < 6; i++) {
                    ranges[i] = rs.getInt(5 + i);
                }
                RfmSegment segment = RfmSegment.ofLabel(rs.getString(1));
                rows.put(segment, new SegmentRow(segment, rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), ranges));
                least = rs.getString(11);
                greatest = rs.getString(12);
                edgeValues = new BigDecimal[EDGES.length];
                for (int i = 0; i < EDGES.length; i++) {
                    edgeValues[i] = rs.getBigDecimal(13 + i);
                }
            }
            return new Summary(rows, edgeValues, least, greatest);
        });
    }

    /** A page of scored customers in customer id order, optionally of one segment. */
    public List<Scored> customers(Scope scope, RfmSegment segment, PageRequest page) {
        // recency computed for the page's rows only
        Sql sql = new Sql("SELECT s.customer_id, s.last_order_at, extract(epoch FROM CAST(? AS timestamptz)) "
                + "- extract(epoch FROM s.last_order_at), s.frequency, s.monetary, s.r_score, "
                + "s.f_score, s.m_score, s.segment, s.cur_least, s.cur_greatest FROM ", scope.to());
        sql.append(RfmSql.scoredCustomers(scope, scope.to())).append(" s WHERE TRUE");
        if (segment != null) {
            sql.append(" AND s.segment = ?", segment.label);
        }
        if (page.after() != null) {
            sql.append(" AND s.customer_id > ?", page.after());
        }
        sql.append(" ORDER BY s.customer_id LIMIT ?", page.fetchSize());
        sortedUnlessSummarised(sql, scope);
        return analytics.query(sql, rs -> {
            List<Scored> out = new ArrayList<>();
            while (rs.next()) {
                out.add(scored(rs));
            }
            return out;
        });
    }

    /**
     * Grouping a filtered scope's whole history by customer streams in customer order ({@link Sql#sortedGrouping});
     * the summary has nothing that large to group, and a sort would only slow its grouping by segment.
     */
    private static void sortedUnlessSummarised(Sql sql, Scope scope) {
        if (!CustomerHistory.summarised(scope)) {
            sql.sortedGrouping();
        }
    }

    /** A customer row with the population's currencies, checked by the caller before money is shown. */
    public record Scored(RfmCustomer customer, String leastCurrency, String greatestCurrency) {
    }

    private static Scored scored(ResultSet rs) throws SQLException {
        RfmCustomer c = new RfmCustomer(rs.getObject(1, UUID.class), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                days(rs.getBigDecimal(3)), rs.getLong(4), rs.getBigDecimal(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                rs.getString(9));
        return new Scored(c, rs.getString(10), rs.getString(11));
    }

    /** Seconds as days, to 6 decimals. */
    static BigDecimal days(BigDecimal seconds) {
        return plain(seconds.divide(DAY, 6, RoundingMode.HALF_EVEN));
    }

    /** Without trailing zeros, never in exponent form. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
