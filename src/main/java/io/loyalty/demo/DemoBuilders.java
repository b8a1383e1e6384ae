package io.loyalty.demo;

import io.loyalty.programme.EarningRule;
import io.loyalty.reward.CodeSource;
import io.loyalty.reward.Eligibility;
import io.loyalty.reward.LimitPeriod;
import io.loyalty.reward.RewardRequest;
import io.loyalty.reward.RewardStatus;
import io.loyalty.reward.RewardType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builders that spare the demo data the long positional constructors of rules and rewards. */
final class DemoBuilders {
    private DemoBuilders() {
    }

    static RewardBuilder reward(UUID programme, String name, RewardType type, long cost) {
        return new RewardBuilder(programme, name, type, cost);
    }

    /** Spares the demo the twenty-three positional arguments of a RewardRequest. */
    static final class RewardBuilder {
        private final UUID programme;
        private final String name;
        private final RewardType type;
        private final long cost;
        private String description;
        private Integer codeValidDays;
        private Integer stock;
        private Integer limit;
        private LimitPeriod period;
        private Long minLifetimePoints;
        private CodeSource codeSource;
        private BigDecimal amount;
        private BigDecimal percent;
        private BigDecimal maxDiscount;
        private String sku;
        private String subject;
        private Instant startsAt;
        private UUID partner;

        RewardBuilder(UUID programme, String name, RewardType type, long cost) {
            this.programme = programme;
            this.name = name;
            this.type = type;
            this.cost = cost;
        }

        RewardBuilder description(String v) { description = v; return this; }
        RewardBuilder codeValidDays(int v) { codeValidDays = v; return this; }
        RewardBuilder stock(int v) { stock = v; return this; }
        RewardBuilder limit(int v, LimitPeriod p) { limit = v; period = p; return this; }
        RewardBuilder minLifetimePoints(long v) { minLifetimePoints = v; return this; }
        RewardBuilder pool() { codeSource = CodeSource.POOL; return this; }
        RewardBuilder amount(String v) { amount = new BigDecimal(v); return this; }
        RewardBuilder percent(String v) { percent = new BigDecimal(v); return this; }
        RewardBuilder maxDiscount(String v) { maxDiscount = new BigDecimal(v); return this; }
        RewardBuilder sku(String v) { sku = v; return this; }
        RewardBuilder subject(String v) { subject = v; return this; }
        RewardBuilder startsAt(Instant v) { startsAt = v; return this; }
        RewardBuilder partner(UUID v) { partner = v; return this; }

        RewardRequest build() {
            return new RewardRequest(programme, name, description, type, RewardStatus.ACTIVE, cost, null, null,
                    codeValidDays, stock, limit, period,
                    minLifetimePoints == null ? null : new Eligibility(minLifetimePoints, null, null), partner, null,
                    codeSource, amount, percent, maxDiscount, sku, subject, startsAt, null);
        }
    }

    static RuleBuilder rule(String id, EarningRule.Type type, String name) {
        return new RuleBuilder(id, type, name);
    }

    /** Spares the demo the eighteen positional arguments of an EarningRule. */
    static final class RuleBuilder {
        private final String id;
        private final EarningRule.Type type;
        private final String name;
        private Long capPerDay;
        private BigDecimal pointsPerUnit;
        private BigDecimal minOrderAmount;
        private List<String> categories;
        private List<String> skus;
        private BigDecimal multiplier;
        private Integer stampsRequired;
        private EarningRule.StampPer per;
        private String reward;
        private String event;
        private Long points;
        private Integer limitPerCustomer;
        private UUID rewardId;

        RuleBuilder(String id, EarningRule.Type type, String name) {
            this.id = id;
            this.type = type;
            this.name = name;
        }

        RuleBuilder capPerDay(Long v) { capPerDay = v; return this; }
        RuleBuilder pointsPerUnit(BigDecimal v) { pointsPerUnit = v; return this; }
        RuleBuilder minOrderAmount(BigDecimal v) { minOrderAmount = v; return this; }
        RuleBuilder categories(List<String> v) { categories = v; return this; }
        RuleBuilder skus(List<String> v) { skus = v; return this; }
        RuleBuilder multiplier(BigDecimal v) { multiplier = v; return this; }
        RuleBuilder stampsRequired(Integer v) { stampsRequired = v; return this; }
        RuleBuilder per(EarningRule.StampPer v) { per = v; return this; }
        RuleBuilder reward(String v) { reward = v; return this; }
        RuleBuilder event(String v) { event = v; return this; }
        RuleBuilder points(Long v) { points = v; return this; }
        RuleBuilder limitPerCustomer(Integer v) { limitPerCustomer = v; return this; }
        RuleBuilder rewardId(UUID v) { rewardId = v; return this; }

        EarningRule build() {
            return new EarningRule(id, type, name, null, null, capPerDay, null, pointsPerUnit, minOrderAmount, categories,
                    skus, multiplier, stampsRequired, per, reward, event, points, limitPerCustomer, rewardId);
        }
    }
}
