package io.loyalty.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A second, deliberately plain computation of RFM segments in Java, for tests to compare the SQL with: per customer
 * R, F, M; quantile type 7 by its textbook formula in exact decimals; bins as the R package builds them (a loop over
 * the bins, later bins winning, as R's assignments do); the segment table written out again here.
 */
final class RfmReference {
    record Order(String customer, Instant placedAt, BigDecimal net) {
    }

    record Totals(long customers, long orders, BigDecimal revenue) {
    }

    private static final String[][] TABLE = {
            {"Champions", "4", "5", "4", "5", "4", "5"},
            {"Loyal Customers", "2", "5", "3", "5", "3", "5"},
            {"Potential Loyalist", "3", "5", "1", "3", "1", "3"},
            {"New Customers", "4", "5", "1", "1", "1", "1"},
            {"Promising", "3", "4", "1", "1", "1", "1"},
            {"Need Attention", "2", "3", "2", "3", "2", "3"},
            {"About To Sleep", "2", "3", "1", "2", "1", "2"},
            {"At Risk", "1", "2", "2", "5", "2", "5"},
            {"Can't Lose Them", "1", "1", "4", "5", "4", "5"},
            {"Lost", "1", "2", "1", "2", "1", "2"}};

    private RfmReference() {
    }

    /** Segment label -> customers, orders, revenue, over the orders placed before asOf. */
    static Map<String, Totals> segments(List<Order> orders, Instant asOf) {
        Map<String, Instant> last = new HashMap<>();
        Map<String, Long> count = new HashMap<>();
        Map<String, BigDecimal> money = new HashMap<>();
        for (Order o : orders) {
            if (!o.placedAt().isBefore(asOf)) {
                continue;
            }
            last.merge(o.customer(), o.placedAt(), (a, b) -> a.isAfter(b) ? a : b);
            count.merge(o.customer(), 1L, Long::sum);
            money.merge(o.customer(), o.net(), BigDecimal::add);
        }
        List<String> customers = new ArrayList<>(last.keySet());
        Map<String, BigDecimal> r = new HashMap<>();
        Map<String, BigDecimal> f = new HashMap<>();
        for (String c : customers) {
            // days, kept exact as seconds / 86400 is not; compare in seconds instead: q + 1 day = q + 86400 s
            r.put(c, BigDecimal.valueOf(Duration.between(last.get(c), asOf).toMillis()).movePointLeft(3));
            f.put(c, BigDecimal.valueOf(count.get(c)));
        }
        Map<String, Integer> rBin = bins(r, BigDecimal.valueOf(86_400));
        Map<String, Integer> fBin = bins(f, BigDecimal.ONE);
        Map<String, Integer> mBin = bins(money, BigDecimal.ONE);
        Map<String, Totals> out = new LinkedHashMap<>();
        for (String c : customers) {
            String segment = segment(6 - rBin.get(c), fBin.get(c), mBin.get(c));
            Totals t = out.getOrDefault(segment, new Totals(0, 0, BigDecimal.ZERO));
            out.put(segment, new Totals(t.customers() + 1, t.orders() + count.get(c), t.revenue().add(money.get(c))));
        }
        return out;
    }

    /** R's type 7 quantile at probability k/5, exactly. */
    static BigDecimal quantile(List<BigDecimal> sorted, int k) {
        int n = sorted.size();
        int lo = (n - 1) * k / 5;
        BigDecimal h = BigDecimal.valueOf((n - 1) * k % 5).divide(BigDecimal.valueOf(5));
        BigDecimal a = sorted.get(lo);
        BigDecimal b = sorted.get(Math.min(lo + 1, n - 1));
        return a.add(h.multiply(b.subtract(a)));
    }

    /** Bin 1..5 of every value: lower = (min, q1+1, ..), upper = (q1+1, .., max+1), the last matching bin wins. */
    static Map<String, Integer> bins(Map<String, BigDecimal> values, BigDecimal one) {
        List<BigDecimal> sorted = values.values().stream().sorted(Comparator.naturalOrder()).toList();
        BigDecimal[] lower = new BigDecimal[5];
        BigDecimal[] upper = new BigDecimal[5];
        lower[0] = sorted.get(0);
        for (int k = 1; k <= 4; k++) {
            BigDecimal edge = quantile(sorted, k).add(one);
            upper[k - 1] = edge;
            lower[k] = edge;
        }
        upper[4] = sorted.get(sorted.size() - 1).add(one);
        Map<String, Integer> out = new HashMap<>();
        values.forEach((c, v) -> {
            for (int i = 0; i < 5; i++) {
                if (v.compareTo(lower[i]) >= 0 && v.compareTo(upper[i]) < 0) {
                    out.put(c, i + 1);
                }
            }
        });
        return out;
    }

    static String segment(int r, int f, int m) {
        for (String[] row : TABLE) {
            if (in(r, row[1], row[2]) && in(f, row[3], row[4]) && in(m, row[5], row[6])) {
                return row[0];
            }
        }
        return "Others";
    }

    private static boolean in(int score, String min, String max) {
        return Integer.parseInt(min) <= score && score <= Integer.parseInt(max);
    }
}
