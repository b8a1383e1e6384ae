package io.loyalty.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second, deliberately simple computation of {@link CdnowMetricsTest}: plain loops over the file's lines and
 * java.time, sharing nothing with the production code; and a reader of parsed response bodies.
 */
final class CdnowReference {
    private CdnowReference() {
    }

    record Line(String customer, Instant at, BigDecimal amount) {
    }

    static BigDecimal divide(BigDecimal n, long d, int scale) {
        return d == 0 ? null : n.divide(BigDecimal.valueOf(d), scale, RoundingMode.HALF_EVEN);
    }

    /**
     * A value by dotted path from a parsed body. JsonPath.get compiles a Groovy expression per call, which over
     * hundreds of cells costs a minute; the body is read once into maps and walked here instead.
     */
    static Object value(Map<String, Object> body, String path) {
        Object at = body;
        for (String name : path.split("\\.")) {
            at = ((Map<?, ?>) at).get(name);
        }
        return at;
    }

    static long count(Map<String, Object> body, String path) {
        return ((Number) value(body, path)).longValue();
    }

    static BigDecimal money(Map<String, Object> body, String path) {
        Object v = value(body, path);
        return v == null ? null : new BigDecimal(v.toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static Map<String, Instant> firstOrders(List<Line> all) {
        Map<String, Instant> first = new HashMap<>();
        for (Line l : all) {
            first.merge(l.customer(), l.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return first;
    }

    /** Customers with an order in (t - w, t], w applied in the zone. */
    static Set<String> activeAt(List<Line> all, Instant t, Period w, ZoneId zone) {
        Instant after = t.atZone(zone).minus(w).toInstant();
        Set<String> active = new HashSet<>();
        for (Line l : all) {
            if (l.at().isAfter(after) && !l.at().isAfter(t)) {
                active.add(l.customer());
            }
        }
        return active;
    }

    /** The bucket of an instant as a number that grows by one per month or per ISO week, and its label. */
    static long bucket(Instant at, ZoneId zone, boolean weeks) {
        LocalDate d = at.atZone(zone).toLocalDate();
        return weeks ? Math.floorDiv(d.toEpochDay() - 4, 7) // 1970-01-05 was a Monday
                : d.getYear() * 12L + d.getMonthValue() - 1;
    }

    static String label(Instant at, ZoneId zone, boolean weeks) {
        LocalDate d = at.atZone(zone).toLocalDate();
        if (!weeks) {
            return String.format("%04d-%02d", d.getYear(), d.getMonthValue());
        }
        LocalDate thursday = d.plusDays(4 - d.getDayOfWeek().getValue());
        return String.format("%04d-W%02d", thursday.getYear(), (thursday.getDayOfYear() - 1) / 7 + 1);
    }

}
