package io.loyalty.game;

/**
 * WON; LOST (the roll was over the probability); BUDGET_SPENT (the roll won, but the game's daily or total
 * win budget was spent: nobody wins then); PRIZE_UNAVAILABLE (the roll won, but the prize reward is out of
 * stock or codes, so no win was counted).
 */
public enum DrawOutcome {
    WON, LOST, BUDGET_SPENT, PRIZE_UNAVAILABLE
}
