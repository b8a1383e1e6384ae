package io.loyalty.metrics;

import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * RFM scores and segments in SQL, the one definition the RFM endpoints and the programme comparison share
 * (METRICS.md, "RFM segmentation"), as the R package {@code rfm}'s {@code rfm_table_order} bins them.
 * <p>
 * Per dimension, q1..q4 are the 20/40/60/80th percentiles of R's {@code quantile} type 7: with n customers,
 * position h = (n - 1) k / 5 (0-based) and q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). PostgreSQL's
 * {@code percentile_cont} is that formula, but in double precision (over 1..10 it gives 6.3999999999999995 for
 * the 60th percentile, so a customer at 7.4 days would move bin), so the order statistics are read exactly with
 * {@code percentile_disc} at fractions (j + 0.5) / n (always row j + 1) and interpolated in {@code numeric}: the
 * fraction is a multiple of 1/5, so every edge is exact. A value v is in bin k when lower_k <= v < upper_k with
 * lower = (min, q1+1, ..q4+1) and upper = (q1+1, ..q4+1, max+1): these bins never overlap and cover [min, max],
 * so the bin of v is 1 + the number of quartiles with v >= q + 1 (a repeated quantile makes its bin empty, as in R).
 * Recency is measured in seconds (q + 86,400 s is q + 1 day) but compared as the last order's timestamp, money
 * exactly as a whole number of ten-thousandths (amounts are numeric(19, 4)), its edges interpolated in numeric and
 * compared as the least whole number of ten-thousandths reaching q + 1; in numeric throughout when some customer's
 * money is beyond what a bigint of ten-thousandths holds.
 * <p>
 * Columns of {@link #scoredCustomers}: customer_id, last_order_at, frequency, monetary, cur_min,
 * cur_max (the least and greatest currency of the customer's orders), the population's cur_least, cur_greatest (for
 * {@link Currencies#requireSingle}), r_score, f_score, m_score, segment (label). The population's edges (recency
 * edges in seconds) come with {@link #segments}, once per segment rather than once per customer.
 */
public final class RfmSql {
    static final long DAY_SECONDS = 86_400;
    /** Ten-thousandths per unit of money: amounts are numeric(19, 4). */
    private static final String UNITS = "10000";
    /** One ten-thousandth, of scale 4 like every amount, so that money converted back is the same numeric. */
    private static final String UNIT = "0.0001";
    /** Money at or beyond this, in units of money, may not fit a bigint as ten-thousandths (9.2 x 10^18). */
    private static final String UNITS_LIMIT = "900000000000000";

    private RfmSql() {
    }

    /** The scored customers as a parenthesised subquery: every customer with a counted order before asOf. */
    public static Sql scoredCustomers(Scope scope, Instant asOf) {
        return scoredCustomers(asOf, CustomerHistory.before(scope, asOf));
    }

    /** The same over a given {@link CustomerHistory} before asOf. */
    static Sql scoredCustomers(Instant asOf, Sql history) {
        return scored(asOf, history, List.of(), "SELECT * FROM s");
    }

    /** The same, each customer carrying the history's {@code carried} columns. */
    static Sql scoredCustomers(Instant asOf, Sql history, List<String> carried) {
        return scored(asOf, history, carried, "SELECT * FROM s");
    }

    /**
     * One row per non-empty segment as a parenthesised subquery: segment, customers, orders, revenue, the least and
     * greatest r, f and m score, cur_least, cur_greatest, then the population's edges r_min, r1..r4, r_max, f_min,
     * f1..f4, f_max, m_min, m1..m4, m_max. The edges are joined once to the eight groups, not carried by every customer.
     */
    public static Sql segments(Scope scope, Instant asOf) {
        return segments(asOf, CustomerHistory.before(scope, asOf));
    }

    /** The same over a given {@link CustomerHistory} before asOf. */
    static Sql segments(Instant asOf, Sql history) {
        return scored(asOf, history, List.of(), "SELECT g.*, e.cur_least, e.cur_greatest, e.r_min, e.r1, e.r2, e.r3, e.r4, e.r_max, "
                + "e.f_min, e.f1, e.f2, e.f3, e.f4, e.f_max, e.m_min, e.m1, e.m2, e.m3, e.m4, e.m_max FROM (SELECT s.segment, "
                + "count(*) AS customers, sum(s.frequency) AS orders, sum(s.monetary) AS revenue, min(s.r_score) AS r_lo, "
                + "max(s.r_score) AS r_hi, min(s.f_score) AS f_lo, max(s.f_score) AS f_hi, min(s.m_score) AS m_lo, "
                + "max(s.m_score) AS m_hi FROM s GROUP BY s.segment) g CROSS JOIN e");
    }

    /** The statement up to the scored customers {@code s} and the population's edges {@code e}, then {@code tail}. */
    private static Sql scored(Instant asOf, Sql history, List<String> carried, String tail) {
        StringBuilder fromHistory = new StringBuilder();
        StringBuilder fromC = new StringBuilder();
        for (String column : carried) {
            fromHistory.append(", h.").append(column);
            fromC.append(", c.").append(column);
        }
        // m_units: the money as a whole number of ten-thousandths (every amount is numeric(19, 4)), null beyond what a
        // bigint holds. Money is sorted for its percentiles and compared with its edges in that form, a bigint sort and
        // bigint comparisons instead of numeric ones (about 8 % of the programme comparison at a million customers);
        // when any customer is beyond the range (m_wide: an order may total 10^15) both are done in numeric instead.
        Sql sql = new Sql("(WITH c AS MATERIALIZED (SELECT h.customer_id, h.last_at AS last_order_at, "
                + "h.orders AS frequency, h.net AS monetary, CASE WHEN h.net > -" + UNITS_LIMIT + " AND h.net < "
                + UNITS_LIMIT + " THEN CAST(h.net * " + UNITS + " AS bigint) END AS m_units, h.cur_min, h.cur_max"
                + fromHistory + " FROM ");
        sql.append(history);
        sql.append(" h), "
                // positions floor(h) and floor(h) + 1 of each quartile as percentile_disc fractions, and h - floor(h)
                + "p AS (SELECT array_agg((least(floor((n.n - 1) * k / 5.0) + j, greatest(n.n - 1, 0)) + 0.5) / nullif(n.n, 0) "
                + "ORDER BY k, j)::float8[] AS probs, array_agg(((n.n - 1) * k % 5) / 5.0 ORDER BY k, j) FILTER (WHERE j = 0) AS frac "
                + "FROM (SELECT count(*) AS n FROM c) n, generate_series(1, 4) k, generate_series(0, 1) j), "
                // recency ascending is the last order descending: its order statistics are read as timestamps
                + "d AS (SELECT extract(epoch FROM CAST(? AS timestamptz)) AS as_of, "
                + "percentile_disc((SELECT probs FROM p)) WITHIN GROUP (ORDER BY c.last_order_at DESC) AS r_at, "
                + "percentile_disc((SELECT probs FROM p)) WITHIN GROUP (ORDER BY c.frequency) AS f, "
                + "percentile_disc((SELECT probs FROM p)) WITHIN GROUP (ORDER BY c.m_units) AS m_u, "
                + "count(*) FILTER (WHERE c.m_units IS NULL) > 0 AS m_wide, "
                + "max(c.last_order_at) AS last_max, min(c.last_order_at) AS last_min, min(c.frequency) AS f_min, "
                + "max(c.frequency) AS f_max, min(c.monetary) AS m_min, max(c.monetary) AS m_max, min(c.cur_min) AS cur_least, "
                + "max(c.cur_max) AS cur_greatest FROM c), "
                // the money's order statistics in numeric: from the ten-thousandths, or sorted in numeric when wide.
                // MATERIALIZED: inlined, q copied the numeric sort into each of the 24 uses of its elements.
                + "dm AS MATERIALIZED (SELECT CASE WHEN d.m_wide THEN (SELECT percentile_disc((SELECT probs FROM p)) WITHIN GROUP "
                + "(ORDER BY w.monetary) FROM c w) ELSE (SELECT array_agg(u.v * " + UNIT + " ORDER BY u.i) FROM "
                + "unnest(d.m_u) WITH ORDINALITY AS u (v, i)) END AS m FROM d), "
                + "q AS (SELECT d.as_of, d.as_of - extract(epoch FROM d.last_max) AS r_min, "
                + "d.as_of - extract(epoch FROM d.last_min) AS r_max, d.f_min, d.f_max, d.m_min, d.m_max, d.m_wide, d.cur_least, "
                + "d.cur_greatest, " + quartiles("r", "d.as_of - extract(epoch FROM d.r_at[%d])") + ", "
                + quartiles("f", "d.f[%d]") + ", " + quartiles("m", "dm.m[%d]") + " FROM d, dm, p), "
                // Each bin's lower bound, computed once here rather than for every customer, in the customer's own
                // type: recency >= q + 1 day is "last order at or before as_of - q - 1 day", to the microsecond below
                // (a timestamp is whole microseconds); frequency >= q + 1 is frequency >= ceil(q + 1).
                + "e AS MATERIALIZED (SELECT q.*, " + recencyBounds() + ", " + countBounds() + ", " + moneyBounds() + ", "
                + moneyUnitBounds() + " FROM q), "
                + "s AS (SELECT x.*, " + RfmSegment.sqlCase("x.r_score", "x.f_score", "x.m_score") + " AS segment FROM ("
                + "SELECT c.customer_id, c.last_order_at, c.frequency, c.monetary, c.cur_min, c.cur_max, "
                + "e.cur_least, e.cur_greatest" + fromC + ", "
                + "5 - (" + above("c.last_order_at", "<=", "e.r") + ") AS r_score, "
                + "1 + (" + above("c.frequency", ">=", "e.f") + ") AS f_score, "
                + "1 + CASE WHEN e.m_wide THEN " + above("c.monetary", ">=", "e.m") + " ELSE "
                + above("c.m_units", ">=", "e.mu") + " END AS m_score "
                // OFFSET 0 keeps the scores computed once per customer: flattened, every score reference in the
                // segment CASE re-evaluated its four comparisons (2.5x slower at 900,000 customers).
                + "FROM c CROSS JOIN e OFFSET 0) x) " + tail + ")", asOf);
        return sql;
    }

    /** q1..q4 of a dimension from its order statistics ({@code element} of 2k-1 and 2k) and fractions (p.frac[k]). */
    private static String quartiles(String x, String element) {
        return eachQuartile(", ", k -> {
            String lo = "(" + element.formatted(2 * k - 1) + ")";
            String hi = "(" + element.formatted(2 * k) + ")";
            return lo + " + p.frac[" + k + "] * (" + hi + " - " + lo + ") AS " + x + k;
        });
    }

    /** {@code r1b..r4b}: the latest last order whose recency reaches q1..q4 + one day. */
    private static String recencyBounds() {
        return eachQuartile(", ", k -> "CAST('epoch' AS timestamptz) + CAST(floor((q.as_of - q.r" + k + " - " + DAY_SECONDS
                + ") * 1000000) AS bigint) * interval '1 microsecond' AS r" + k + "b");
    }

    /** {@code f1b..f4b}: the least whole count that reaches q1..q4 + 1. */
    private static String countBounds() {
        return eachQuartile(", ", k -> "CAST(ceil(q.f" + k + " + 1) AS bigint) AS f" + k + "b");
    }

    /** {@code m1b..m4b} = q1..q4 + 1, the lower bounds of money's bins 2..5 in numeric (compared when wide). */
    private static String moneyBounds() {
        return eachQuartile(", ", k -> "q.m" + k + " + 1 AS m" + k + "b");
    }

    /**
     * {@code mu1b..mu4b}: the least whole number of ten-thousandths that reaches q1..q4 + 1; null when the money is
     * wide (a bound beyond a bigint would not fit one either).
     */
    private static String moneyUnitBounds() {
        return eachQuartile(", ", k -> "CASE WHEN NOT q.m_wide THEN CAST(ceil((q.m" + k + " + 1) * " + UNITS
                + ") AS bigint) END AS mu" + k + "b");
    }

    /** The number of bins above the first whose lower bound the value reaches (0 to 4), by {@code op}. */
    private static String above(String value, String op, String edge) {
        return eachQuartile(" + ", k -> "CAST(" + value + " " + op + " " + edge + k + "b AS int)");
    }

    /** The four quartiles' fragments, k = 1..4, joined by {@code separator}. */
    private static String eachQuartile(String separator, IntFunction<String> fragment) {
        return IntStream.rangeClosed(1, 4).mapToObj(fragment).collect(Collectors.joining(separator));
    }
}
