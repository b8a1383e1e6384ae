package io.loyalty.order;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.loyalty.programme.EarningRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What one order earned in one programme. Stored with the order, so a replay answers the same. */
@RegisterForReflection
@Schema(name = "ProgrammeAccrual")
public record ProgrammeAccrual(
        @Schema(required = true) UUID programmeId,
        @Schema(required = true, example = "Chai Points") String programmeName,
        @Schema(required = true, example = "46", description = "Points earned by this order in this programme.") long points,
        @Schema(required = true) List<Item> items,
        @Schema(required = true) List<Stamps> stamps,
        @Schema(required = true, example = "1046", description = "The points balance right after this order.") long balance,
        @Schema(nullable = true, example = "2", description = "The earn multiplier this order earned at (tier times paid "
                + "membership); null in programmes without tiers or fee.") java.math.BigDecimal multiplier,
        @Schema(nullable = true, example = "Gold", description = "The tier held after this order: an order that crosses a "
                + "threshold shows the new tier, though it earned at the old multiplier.") String tier) {

    @RegisterForReflection
    @Schema(name = "AccrualItem", description = "Points one rule gave; `capped` when a daily or monthly cap cut them.")
    public record Item(@Schema(example = "spend") String ruleId, EarningRule.Type type,
                       @Schema(example = "40") long points, boolean capped) {
    }

    @RegisterForReflection
    @Schema(name = "StampProgress")
    public record Stamps(@Schema(example = "chai-card") String ruleId,
                         @Schema(example = "2", description = "Stamps this order gave.") long earned,
                         @Schema(example = "3", description = "Stamps on the current card after this order.") int onCard,
                         @Schema(example = "10") int required,
                         @Schema(example = "0", description = "Cards this order completed.") int cardsCompleted,
                         @Schema(example = "The eleventh chai is free") String reward,
                         @Schema(description = "Redemptions (with codes) issued for the cards this order completed, when "
                                 + "the rule names a catalogue reward.") List<java.util.UUID> redemptionIds,
                         @Schema(example = "[1]", description = "The order lines the stamps were counted on; a return of "
                                 + "these lines takes the stamps back.") List<Integer> lineNos) {
    }
}
