package io.loyalty.metrics;

import java.util.Locale;

/**
 * The RFM segments of METRICS.md in the table's order: the first segment whose R, F and M score ranges (inclusive)
 * all hold wins; Others takes the rest.
 */
public enum RfmSegment {
    CHAMPIONS("Champions", 4, 5, 4, 5, 4, 5),
    LOYAL_CUSTOMERS("Loyal Customers", 2, 5, 3, 5, 3, 5),
    POTENTIAL_LOYALIST("Potential Loyalist", 3, 5, 1, 3, 1, 3),
    NEW_CUSTOMERS("New Customers", 4, 5, 1, 1, 1, 1),
    PROMISING("Promising", 3, 4, 1, 1, 1, 1),
    NEED_ATTENTION("Need Attention", 2, 3, 2, 3, 2, 3),
    ABOUT_TO_SLEEP("About To Sleep", 2, 3, 1, 2, 1, 2),
    AT_RISK("At Risk", 1, 2, 2, 5, 2, 5),
    CANT_LOSE_THEM("Can't Lose Them", 1, 1, 4, 5, 4, 5),
    LOST("Lost", 1, 2, 1, 2, 1, 2),
    OTHERS("Others", 1, 5, 1, 5, 1, 5);

    public final String label;
    private final int[] ranges;

    RfmSegment(String label, int... ranges) {
        this.label = label;
        this.ranges = ranges;
    }

    public boolean matches(int r, int f, int m) {
        return ranges[0] <= r && r <= ranges[1] && ranges[2] <= f && f <= ranges[3] && ranges[4] <= m && m <= ranges[5];
    }

    /** The segment of a customer's scores: the first matching rule. */
    public static RfmSegment of(int r, int f, int m) {
        for (RfmSegment s : values()) {
            if (s.matches(r, f, m)) {
                return s;
            }
        }
        return OTHERS;
    }

    /** By label ("Can't Lose Them") or constant name (CANT_LOSE_THEM), ignoring case; null if neither. */
    public static RfmSegment parse(String value) {
        String wanted = value.trim();
        for (RfmSegment s : values()) {
            if (s.label.equalsIgnoreCase(wanted) || s.name().equalsIgnoreCase(wanted.replace(' ', '_').replace("'", ""))) {
                return s;
            }
        }
        return null;
    }

    /** A SQL CASE giving the segment label from the score columns {@code r}, {@code f} and {@code m}. */
    static String sqlCase(String r, String f, String m) {
        StringBuilder sql = new StringBuilder("CASE");
        for (RfmSegment s : values()) {
            if (s == OTHERS) {
                continue;
            }
            int[] x = s.ranges;
            sql.append(String.format(Locale.ROOT, " WHEN %s BETWEEN %d AND %d AND %s BETWEEN %d AND %d AND %s BETWEEN %d AND %d THEN '%s'",
                    r, x[0], x[1], f, x[2], x[3], m, x[4], x[5], s.label.replace("'", "''")));
        }
        return sql.append(" ELSE '").append(OTHERS.label).append("' END").toString();
    }

    public static RfmSegment ofLabel(String label) {
        for (RfmSegment s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException(label);
    }
}
