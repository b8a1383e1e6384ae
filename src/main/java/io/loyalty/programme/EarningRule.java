package io.loyalty.programme;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One earning rule of a programme. Which fields apply depends on {@code type}; the others must be
 * left out. Stored as JSON on the programme.
 */
@RegisterForReflection
@Schema(name = "EarningRule", description = """
        SPEND: `pointsPerUnit` points per currency unit of eligible spend (lines minus discount, never \
        shipping), rounded down, if the order reaches `minOrderAmount`. MULTIPLIER: lines whose category is \
        in `categories` or SKU in `skus` earn `multiplier` times the SPEND rate in total (the bonus is on top \
        of SPEND). STAMP: one stamp per qualifying order (`per`=ORDER) or per qualifying unit (`per`=UNIT); \
        `stampsRequired` stamps complete a card worth `reward`. EVENT: `points` for each `event` posted to \
        /customers/{id}/events, at most `limitPerCustomer` times. Every rule may have a validity window \
        [`validFrom`, `validTo`) and caps per customer per day and per month (points, or stamps for STAMP).""")
public record EarningRule(
        @Schema(description = "Stable id of the rule within its programme; generated when left out.",
                example = "spend", nullable = true) String id,
        @Schema(required = true, example = "SPEND") Type type,
        @Schema(example = "1 point per rupee", nullable = true) String name,
        @Schema(nullable = true) Instant validFrom,
        @Schema(nullable = true) Instant validTo,
        @Schema(nullable = true, example = "500", minimum = "1", maximum = MAX_POINTS) Long capPerDay,
        @Schema(nullable = true, example = "5000", minimum = "1", maximum = MAX_POINTS) Long capPerMonth,
        @Schema(nullable = true, example = "1", minimum = "0", exclusiveMinimum = true, maximum = MAX_RATE,
                description = "SPEND: points per currency unit, more than 0 and at most " + MAX_RATE
                        + ", up to 6 decimals.") BigDecimal pointsPerUnit,
        @Schema(nullable = true, example = "10.00", minimum = "0", maximum = MAX_AMOUNT) BigDecimal minOrderAmount,
        @Schema(nullable = true) List<String> categories,
        @Schema(nullable = true) List<String> skus,
        @Schema(nullable = true, example = "2", minimum = "1", exclusiveMinimum = true, maximum = MAX_MULTIPLIER,
                description = "MULTIPLIER: more than 1 and at most " + MAX_MULTIPLIER + ", up to 6 decimals.")
        BigDecimal multiplier,
        @Schema(nullable = true, example = "10", minimum = "1", maximum = "1000") Integer stampsRequired,
        @Schema(nullable = true, example = "ORDER") StampPer per,
        @Schema(nullable = true, example = "A free coffee") String reward,
        @Schema(nullable = true, example = "birthday") String event,
        @Schema(nullable = true, example = "100", minimum = "1", maximum = MAX_EVENT_POINTS) Long points,
        @Schema(nullable = true, example = "1", minimum = "1", maximum = "1000000") Integer limitPerCustomer,
        @Schema(nullable = true, description = "STAMP: the catalogue reward a completed card issues, as a redemption with a "
                + "code (a reward of this programme; create the programme, then the reward, then set it here). Without it "
                + "a completed card is recorded as an entitlement described by `reward`.") java.util.UUID rewardId) {

    /*
     * Bounds of a rule's numbers. With order amounts bounded too, they keep every award far inside a long; Accrual
     * still caps an award at Accrual.MAX_AWARD, so no combination of rules can overflow.
     */
    static final String MAX_POINTS = "1000000000000";
    static final String MAX_RATE = "1000";
    static final String MAX_MULTIPLIER = "100";
    static final String MAX_AMOUNT = "999999999999999";
    static final String MAX_EVENT_POINTS = "100000000";

    @Schema(name = "EarningRuleType")
    public enum Type { SPEND, MULTIPLIER, STAMP, EVENT }

    public enum StampPer { ORDER, UNIT }

    public boolean validAt(Instant at) {
        return (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || at.isBefore(validTo));
    }

    /** Whether a line with this SKU and category is one the rule is about (no filter matches every line). */
    public boolean matches(String sku, String category) {
        boolean filtered = (skus != null && !skus.isEmpty()) || (categories != null && !categories.isEmpty());
        return !filtered
                || (skus != null && skus.contains(sku))
                || (categories != null && category != null && categories.contains(category));
    }

    public EarningRule withId(String newId) {
        return new EarningRule(newId, type, name, validFrom, validTo, capPerDay, capPerMonth, pointsPerUnit,
                minOrderAmount, categories, skus, multiplier, stampsRequired, per, reward, event, points,
                limitPerCustomer, rewardId);
    }

    /** Problems with this rule as (field, message) pairs; the field is relative to the rule. */
    public List<String[]> problems() {
        List<String[]> p = new ArrayList<>();
        if (type == null) {
            p.add(new String[]{"type", "is required: SPEND, MULTIPLIER, STAMP or EVENT"});
            return p;
        }
        if (id != null && !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            p.add(new String[]{"id", "must be 1-64 letters, digits, '_', '.' or '-'"});
        }
        if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
            p.add(new String[]{"validTo", "must be after validFrom"});
        }
        if (capPerDay != null && (capPerDay < 1 || capPerDay > Long.parseLong(MAX_POINTS))) {
            p.add(new String[]{"capPerDay", "must be between 1 and " + MAX_POINTS});
        }
        if (capPerMonth != null && (capPerMonth < 1 || capPerMonth > Long.parseLong(MAX_POINTS))) {
            p.add(new String[]{"capPerMonth", "must be between 1 and " + MAX_POINTS});
        }
        if (minOrderAmount != null && (minOrderAmount.signum() < 0 || minOrderAmount.compareTo(new BigDecimal(MAX_AMOUNT)) > 0
                || minOrderAmount.stripTrailingZeros().scale() > 4)) {
            p.add(new String[]{"minOrderAmount", "must be between 0 and " + MAX_AMOUNT + " with at most 4 decimals"});
        }
        if (limitPerCustomer != null && limitPerCustomer > 1_000_000) {
            p.add(new String[]{"limitPerCustomer", "must be at most 1000000"});
        }
        boolean hasFilter = (skus != null && !skus.isEmpty()) || (categories != null && !categories.isEmpty());
        switch (type) {
            case SPEND -> {
                forbid(p, "rewardId", rewardId);
                if (pointsPerUnit == null || pointsPerUnit.signum() <= 0 || pointsPerUnit.compareTo(new BigDecimal(MAX_RATE)) > 0
                        || pointsPerUnit.stripTrailingZeros().scale() > 6) {
                    p.add(new String[]{"pointsPerUnit", "must be a number more than 0 and at most " + MAX_RATE
                            + " with at most 6 decimals"});
                }
                forbid(p, "multiplier", multiplier);
                forbid(p, "stampsRequired", stampsRequired);
                forbid(p, "event", event);
                forbid(p, "points", points);
                if (hasFilter) {
                    p.add(new String[]{"categories", "do not apply to SPEND; use a MULTIPLIER rule"});
                }
            }
            case MULTIPLIER -> {
                forbid(p, "rewardId", rewardId);
                if (multiplier == null || multiplier.compareTo(BigDecimal.ONE) <= 0
                        || multiplier.compareTo(new BigDecimal(MAX_MULTIPLIER)) > 0 || multiplier.stripTrailingZeros().scale() > 6) {
                    p.add(new String[]{"multiplier", "must be greater than 1 and at most " + MAX_MULTIPLIER
                            + " with at most 6 decimals"});
                }
                if (!hasFilter) {
                    p.add(new String[]{"categories", "or skus must name the lines that earn the multiplier"});
                }
                forbid(p, "pointsPerUnit", pointsPerUnit);
                forbid(p, "stampsRequired", stampsRequired);
                forbid(p, "event", event);
                forbid(p, "points", points);
            }
            case STAMP -> {
                if (stampsRequired == null || stampsRequired < 1 || stampsRequired > 1000) {
                    p.add(new String[]{"stampsRequired", "must be between 1 and 1000"});
                }
                if ((reward == null || reward.isBlank()) && rewardId == null) {
                    p.add(new String[]{"reward", "must describe what a completed card is worth (or set rewardId)"});
                }
                forbid(p, "pointsPerUnit", pointsPerUnit);
                forbid(p, "multiplier", multiplier);
                forbid(p, "event", event);
                forbid(p, "points", points);
            }
            case EVENT -> {
                forbid(p, "rewardId", rewardId);
                if (event == null || !event.matches("[a-z0-9_.-]{1,64}")) {
                    p.add(new String[]{"event", "must be 1-64 lower-case letters, digits, '_', '.' or '-'"});
                }
                if (points == null || points < 1 || points > Long.parseLong(MAX_EVENT_POINTS)) {
                    p.add(new String[]{"points", "must be between 1 and " + MAX_EVENT_POINTS});
                }
                if (limitPerCustomer != null && limitPerCustomer < 1) {
                    p.add(new String[]{"limitPerCustomer", "must be at least 1"});
                }
                forbid(p, "pointsPerUnit", pointsPerUnit);
                forbid(p, "multiplier", multiplier);
                forbid(p, "stampsRequired", stampsRequired);
                forbid(p, "minOrderAmount", minOrderAmount);
            }
        }
        return p;
    }

    private void forbid(List<String[]> p, String field, Object value) {
        if (value != null) {
            p.add(new String[]{field, "does not apply to a " + type + " rule"});
        }
    }
}
