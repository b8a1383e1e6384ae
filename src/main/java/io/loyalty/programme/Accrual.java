package io.loyalty.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a programme's earning rules against one order. Pure: it reads the caller's usage and
 * stamp counts and says what to award; the caller writes the ledger.
 */
public final class Accrual {
    /**
     * The most one rule can award for one order. Rule and order numbers have validated ranges, but their products
     * (spend x rate x multiplier, over up to 50 rules) could still pass a long; capped here, an order's awards stay
     * far inside it, and so do the balances summing them.
     */
    public static final long MAX_AWARD = 1_000_000_000_000L;
    private static final BigDecimal MAX_AWARD_DECIMAL = BigDecimal.valueOf(MAX_AWARD);

    private Accrual() {
    }

    /** A line of the order as the rules see it. */
    public record Line(int lineNo, String sku, String category, int quantity, BigDecimal amount) {
    }

    /** The order facts rules depend on. {@code subtotal} is the sum of line amounts. */
    public record OrderFacts(Instant placedAt, List<Line> lines, BigDecimal subtotal, BigDecimal discount) {
        /** Lines minus discount, never negative: what SPEND rules and tier qualification count. */
        public BigDecimal eligibleSpend() {
            return subtotal.subtract(discount).max(BigDecimal.ZERO);
        }

        /** A line's share of eligible spend: its amount less its proportional part of the discount. */
        BigDecimal eligible(Line line) {
            if (subtotal.signum() == 0) {
                return BigDecimal.ZERO;
            }
            return line.amount().multiply(eligibleSpend()).divide(subtotal, 6, RoundingMode.HALF_EVEN);
        }
    }

    /** Points (or stamps, for STAMP rules) a rule gives, after caps. */
    public record Award(EarningRule rule, long amount, long uncapped, Integer[] basisLines) {
        public boolean capped() {
            return amount < uncapped;
        }
    }

    /** Keys of the cap counters an award at {@code at} counts against. */
    public static String dayKey(LocalDate day) {
        return "D" + day;
    }

    public static String monthKey(LocalDate day) {
        return "M" + day.toString().substring(0, 7);
    }

    /**
     * @param usage amounts each rule already gave this membership, by {@code ruleId + "|" + periodKey}
     */
    public static List<Award> forOrder(Programme programme, OrderFacts order, Map<String, Long> usage) {
        return forOrder(programme, order, usage, BigDecimal.ONE);
    }

    /**
     * @param multiplier the membership's earn multiplier (its tier's times its paid membership's), a fact the
     *                   caller looks up: it multiplies the points of SPEND and MULTIPLIER rules before their caps,
     *                   never stamps
     */
    public static List<Award> forOrder(Programme programme, OrderFacts order, Map<String, Long> usage,
                                       BigDecimal multiplier) {
        List<Award> awards = new ArrayList<>();
        LocalDate day = order.placedAt().atZone(programme.zone()).toLocalDate();
        BigDecimal spendRate = BigDecimal.ZERO;
        for (EarningRule rule : programme.rules) {
            if (rule.type() != EarningRule.Type.SPEND || !rule.validAt(order.placedAt()) || !meetsMinimum(rule, order)) {
                continue;
            }
            spendRate = spendRate.add(rule.pointsPerUnit());
            long points = floor(order.eligibleSpend().multiply(rule.pointsPerUnit()).multiply(multiplier));
            add(awards, rule, points, allLines(order), usage, day);
        }
        for (EarningRule rule : programme.rules) {
            if (!rule.validAt(order.placedAt())) {
                continue;
            }
            switch (rule.type()) {
                case MULTIPLIER -> {
                    if (spendRate.signum() == 0) {
                        continue;
                    }
                    BigDecimal base = BigDecimal.ZERO;
                    List<Integer> basis = new ArrayList<>();
                    for (Line line : order.lines()) {
                        if (rule.matches(line.sku(), line.category())) {
                            base = base.add(order.eligible(line));
                            basis.add(line.lineNo());
                        }
                    }
                    long bonus = floor(base.multiply(spendRate).multiply(rule.multiplier().subtract(BigDecimal.ONE))
                            .multiply(multiplier));
                    add(awards, rule, bonus, basis.toArray(Integer[]::new), usage, day);
                }
                case STAMP -> {
                    if (!meetsMinimum(rule, order)) {
                        continue;
                    }
                    long stamps = 0;
                    List<Integer> basis = new ArrayList<>();
                    for (Line line : order.lines()) {
                        if (rule.matches(line.sku(), line.category())) {
                            stamps = Math.min(MAX_AWARD, stamps + line.quantity());
                            basis.add(line.lineNo());
                        }
                    }
                    if (rule.per() != EarningRule.StampPer.UNIT) {
                        stamps = basis.isEmpty() ? 0 : 1;
                    }
                    add(awards, rule, stamps, basis.toArray(Integer[]::new), usage, day);
                }
                default -> {
                }
            }
        }
        return awards;
    }

    /** Awards for an event posted for a customer: EVENT rules with that name, within their limits. */
    public static List<Award> forEvent(Programme programme, String event, Instant at, Map<String, Long> usage) {
        List<Award> awards = new ArrayList<>();
        LocalDate day = at.atZone(programme.zone()).toLocalDate();
        for (EarningRule rule : programme.rules) {
            if (rule.type() != EarningRule.Type.EVENT || !rule.event().equals(event) || !rule.validAt(at)) {
                continue;
            }
            if (rule.limitPerCustomer() != null && usage.getOrDefault(rule.id() + "|EVER", 0L) >= rule.limitPerCustomer()) {
                awards.add(new Award(rule, 0, rule.points(), new Integer[0]));
                continue;
            }
            add(awards, rule, rule.points(), new Integer[0], usage, day);
        }
        return awards;
    }

    private static void add(List<Award> awards, EarningRule rule, long amount, Integer[] basis, Map<String, Long> usage,
                            LocalDate day) {
        if (amount <= 0) {
            return;
        }
        long granted = amount;
        if (rule.capPerDay() != null) {
            granted = Math.min(granted, Math.max(0, rule.capPerDay() - usage.getOrDefault(rule.id() + "|" + dayKey(day), 0L)));
        }
        if (rule.capPerMonth() != null) {
            granted = Math.min(granted, Math.max(0, rule.capPerMonth() - usage.getOrDefault(rule.id() + "|" + monthKey(day), 0L)));
        }
        awards.add(new Award(rule, granted, amount, basis));
    }

    private static boolean meetsMinimum(EarningRule rule, OrderFacts order) {
        return rule.minOrderAmount() == null || order.eligibleSpend().compareTo(rule.minOrderAmount()) >= 0;
    }

    private static Integer[] allLines(OrderFacts order) {
        return order.lines().stream().map(Line::lineNo).toArray(Integer[]::new);
    }

    static long floor(BigDecimal value) {
        return value.min(MAX_AWARD_DECIMAL).max(MAX_AWARD_DECIMAL.negate()).setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
