package io.loyalty.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Earning rules and orders for the unit tests of {@link Accrual}, with only the fields a test is about. */
final class Rules {
    String id;
    EarningRule.Type type;
    Instant validFrom;
    Instant validTo;
    Long capPerDay;
    Long capPerMonth;
    BigDecimal pointsPerUnit;
    BigDecimal minOrderAmount;
    List<String> categories;
    List<String> skus;
    BigDecimal multiplier;
    EarningRule.StampPer per;
    String event;
    Long points;
    Integer limitPerCustomer;

    private Rules(String id, EarningRule.Type type) {
        this.id = id;
        this.type = type;
    }

    static Rules spend(String id, String pointsPerUnit) {
        Rules r = new Rules(id, EarningRule.Type.SPEND);
        r.pointsPerUnit = new BigDecimal(pointsPerUnit);
        return r;
    }

    static Rules multiplier(String id, String multiplier) {
        Rules r = new Rules(id, EarningRule.Type.MULTIPLIER);
        r.multiplier = new BigDecimal(multiplier);
        return r;
    }

    static Rules stamp(String id, EarningRule.StampPer per) {
        Rules r = new Rules(id, EarningRule.Type.STAMP);
        r.per = per;
        return r;
    }

    static Rules event(String id, String event, long points) {
        Rules r = new Rules(id, EarningRule.Type.EVENT);
        r.event = event;
        r.points = points;
        return r;
    }

    Rules categories(String... names) {
        categories = List.of(names);
        return this;
    }

    Rules skus(String... names) {
        skus = List.of(names);
        return this;
    }

    Rules valid(String from, String to) {
        validFrom = from == null ? null : Instant.parse(from);
        validTo = to == null ? null : Instant.parse(to);
        return this;
    }

    Rules min(String amount) {
        minOrderAmount = new BigDecimal(amount);
        return this;
    }

    Rules caps(Long perDay, Long perMonth) {
        capPerDay = perDay;
        capPerMonth = perMonth;
        return this;
    }

    Rules limit(int perCustomer) {
        limitPerCustomer = perCustomer;
        return this;
    }

    EarningRule build() {
        return new EarningRule(id, type, null, validFrom, validTo, capPerDay, capPerMonth, pointsPerUnit, minOrderAmount,
                categories, skus, multiplier, type == EarningRule.Type.STAMP ? 10 : null, per,
                type == EarningRule.Type.STAMP ? "a free coffee" : null, event, points, limitPerCustomer, null);
    }

    static Programme programme(String timezone, Rules... rules) {
        Programme p = new Programme();
        p.timezone = timezone;
        p.rules = Arrays.stream(rules).map(Rules::build).toList();
        return p;
    }

    static Accrual.Line line(int no, String sku, String category, int quantity, String amount) {
        return new Accrual.Line(no, sku, category, quantity, new BigDecimal(amount));
    }

    /** An order of these lines; its subtotal is their sum, as the order path computes it. */
    static Accrual.OrderFacts order(String placedAt, String discount, Accrual.Line... lines) {
        BigDecimal subtotal = Arrays.stream(lines).map(Accrual.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Accrual.OrderFacts(Instant.parse(placedAt), new ArrayList<>(List.of(lines)), subtotal,
                new BigDecimal(discount));
    }
}
