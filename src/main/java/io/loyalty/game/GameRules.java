package io.loyalty.game;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The decisions of a game as pure functions of state loaded before (the game, its win counters) and a random
 * roll passed in, so that a batch of orders can be decided first and written after. A roll is a whole number
 * in [0, 1,000,000); the order wins when it is under probability x 1,000,000 (probabilities have six decimals,
 * so this is exact: a probability of 0.25 wins on exactly 250,000 of the 1,000,000 possible rolls).
 */
public final class GameRules {
    public static final int ROLLS = 1_000_000;

    private GameRules() {
    }

    /** What a game needs to know of an order: the amount net of discount (shipping excluded), and its lines' categories. */
    public record OrderFacts(UUID orderId, UUID customerId, String externalId, Instant placedAt, String currency,
                             BigDecimal amount, Set<String> categories) {
    }

    /** The game's wins so far, in total and on the order's day. */
    public record Counters(int total, int today) {
    }

    /** Whether the order plays the game at all: in its window, over the minimum amount, with the category if one is set. */
    public static boolean plays(Game g, OrderFacts o) {
        return (g.validFrom == null || !o.placedAt().isBefore(g.validFrom))
                && (g.validTo == null || o.placedAt().isBefore(g.validTo))
                && o.amount().compareTo(g.minAmount) >= 0
                && (g.category == null || o.categories().contains(g.category));
    }

    /** The rolls, out of {@link #ROLLS}, that win. */
    public static int winningRolls(BigDecimal probability) {
        return probability.movePointRight(6).intValueExact();
    }

    /** WON, LOST or BUDGET_SPENT for a roll, against the counters as loaded. */
    public static DrawOutcome decide(Game g, Counters counters, int roll) {
        if (roll < 0 || roll >= ROLLS) {
            throw new IllegalArgumentException("a roll is in [0, " + ROLLS + ")");
        }
        if (roll >= winningRolls(g.probability)) {
            return DrawOutcome.LOST;
        }
        return budgetSpent(g, counters) ? DrawOutcome.BUDGET_SPENT : DrawOutcome.WON;
    }

    static boolean budgetSpent(Game g, Counters counters) {
        return (g.totalWinBudget != null && counters.total() >= g.totalWinBudget)
                || (g.dailyWinBudget != null && counters.today() >= g.dailyWinBudget);
    }
}
