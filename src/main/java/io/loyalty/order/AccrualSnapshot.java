package io.loyalty.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.loyalty.programme.EarningRule;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an order earned in one programme, as stored with the order ({@code orders.accrual}). A stored
 * format, not the API: its property names must stay as they are, or orders already stored stop reading;
 * {@link ProgrammeAccrual} is what clients see. {@code multiplier} and {@code tier} are written only for programmes
 * with tiers or a fee (absent in older orders).
 */
@RegisterForReflection
public record AccrualSnapshot(UUID programmeId, String programmeName, long points, List<Item> items,
                              List<Stamps> stamps, long balance,
                              @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal multiplier,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String tier) {

    @RegisterForReflection
    public record Item(String ruleId, EarningRule.Type type, long points, boolean capped) {
    }

    /** {@code lineNos}: the lines the stamps were counted on; empty in orders stored before they were kept. */
    @RegisterForReflection
    public record Stamps(String ruleId, long earned, int onCard, int required, int cardsCompleted, String reward,
                         List<UUID> redemptionIds, List<Integer> lineNos) {
    }

    ProgrammeAccrual toResponse() {
        return new ProgrammeAccrual(programmeId, programmeName, points,
                items == null ? null : items.stream()
                        .map(i -> new ProgrammeAccrual.Item(i.ruleId(), i.type(), i.points(), i.capped())).toList(),
                stamps == null ? null : stamps.stream()
                        .map(s -> new ProgrammeAccrual.Stamps(s.ruleId(), s.earned(), s.onCard(), s.required(),
                                s.cardsCompleted(), s.reward(), s.redemptionIds(), s.lineNos())).toList(),
                balance, multiplier, tier);
    }

    static List<ProgrammeAccrual> toResponses(List<AccrualSnapshot> stored) {
        return stored == null ? null : stored.stream().map(AccrualSnapshot::toResponse).toList();
    }
}
