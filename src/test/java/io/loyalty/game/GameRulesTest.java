package io.loyalty.game;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure decisions: eligibility, the roll against the probability, budgets, challenge periods and progress. */
class GameRulesTest {

    static Game game(String probability) {
        Game g = new Game();
        g.probability = new BigDecimal(probability);
        g.minAmount = new BigDecimal("100");
        return g;
    }

    static GameRules.OrderFacts order(String amount, Set<String> categories, Instant at) {
        return new GameRules.OrderFacts(UUID.randomUUID(), UUID.randomUUID(), "o", at, "INR", new BigDecimal(amount), categories);
    }

    @Test
    void theRollWinsExactlyUnderProbabilityTimesAMillion() {
        Game g = game("0.25");
        GameRules.Counters none = new GameRules.Counters(0, 0);
        assertEquals(DrawOutcome.WON, GameRules.decide(g, none, 0));
        assertEquals(DrawOutcome.WON, GameRules.decide(g, none, 249_999));
        assertEquals(DrawOutcome.LOST, GameRules.decide(g, none, 250_000));
        assertEquals(DrawOutcome.LOST, GameRules.decide(g, none, 999_999));
        assertEquals(DrawOutcome.WON, GameRules.decide(game("1"), none, 999_999));
        assertEquals(DrawOutcome.LOST, GameRules.decide(game("0.000001"), none, 1));
        assertThrows(IllegalArgumentException.class, () -> GameRules.decide(g, none, GameRules.ROLLS));
        assertThrows(IllegalArgumentException.class, () -> GameRules.decide(g, none, -1));
    }

    @Test
    void aSpentBudgetTurnsAWinningRollIntoNoWin() {
        Game g = game("0.5");
        g.totalWinBudget = 10;
        g.dailyWinBudget = 2;
        assertEquals(DrawOutcome.WON, GameRules.decide(g, new GameRules.Counters(9, 1), 0));
        assertEquals(DrawOutcome.BUDGET_SPENT, GameRules.decide(g, new GameRules.Counters(10, 0), 0));
        assertEquals(DrawOutcome.BUDGET_SPENT, GameRules.decide(g, new GameRules.Counters(3, 2), 0));
        assertEquals(DrawOutcome.LOST, GameRules.decide(g, new GameRules.Counters(10, 2), 700_000));
    }

    @Test
    void aSeededSourceGivesTheConfiguredRateOverAMillionDecisions() {
        // Rolls from a seeded generator, as a test may inject: the decision itself has no bias.
        Random seeded = new Random(42);
        Game g = game("0.3");
        int won = 0;
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            won += GameRules.decide(g, new GameRules.Counters(0, 0), seeded.nextInt(GameRules.ROLLS)) == DrawOutcome.WON ? 1 : 0;
        }
        double sd = Math.sqrt(0.3 * 0.7 / n);
        assertTrue(Math.abs(won / (double) n - 0.3) < 3.290527 * sd, "rate " + won / (double) n);
    }

    @Test
    void anOrderPlaysInTheWindowOverTheMinimumWithTheCategory() {
        Game g = game("0.5");
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertTrue(GameRules.plays(g, order("100", Set.of(), now)));
        assertFalse(GameRules.plays(g, order("99.99", Set.of(), now)));
        g.category = "mains";
        assertFalse(GameRules.plays(g, order("500", Set.of("drinks"), now)));
        assertTrue(GameRules.plays(g, order("500", Set.of("drinks", "mains"), now)));
        g.validFrom = now;
        g.validTo = now.plusSeconds(60);
        assertTrue(GameRules.plays(g, order("500", Set.of("mains"), now)));
        assertFalse(GameRules.plays(g, order("500", Set.of("mains"), now.minusNanos(1000))));
        assertFalse(GameRules.plays(g, order("500", Set.of("mains"), now.plusSeconds(60))));
    }

    @Test
    void challengePeriodsFollowTheProgrammeTimeZone() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        Instant lateUtc = Instant.parse("2026-09-30T20:00:00Z"); // 1 October 01:30 in Kolkata
        assertEquals("2026-10", ChallengeRules.periodKey(ChallengeRules.Period.MONTH, lateUtc, kolkata));
        assertEquals("2026-09", ChallengeRules.periodKey(ChallengeRules.Period.MONTH, lateUtc, ZoneId.of("UTC")));
        assertEquals("2026-Q4", ChallengeRules.periodKey(ChallengeRules.Period.QUARTER, lateUtc, kolkata));
        assertEquals("2026", ChallengeRules.periodKey(ChallengeRules.Period.YEAR, lateUtc, kolkata));
        Instant[] q = ChallengeRules.bounds(ChallengeRules.Period.QUARTER, lateUtc, kolkata);
        assertEquals(Instant.parse("2026-09-30T18:30:00Z"), q[0]);
        assertEquals(Instant.parse("2026-12-31T18:30:00Z"), q[1]);
    }

    @Test
    void progressCompletesOnceAndStops() {
        var p = ChallengeRules.Progress.none();
        p = ChallengeRules.advance(ChallengeRules.Goal.CATEGORIES, BigDecimal.valueOf(2), p, BigDecimal.TEN, Set.of("a"));
        assertFalse(p.completed());
        p = ChallengeRules.advance(ChallengeRules.Goal.CATEGORIES, BigDecimal.valueOf(2), p, BigDecimal.TEN, Set.of("a"));
        assertFalse(p.completed());
        p = ChallengeRules.advance(ChallengeRules.Goal.CATEGORIES, BigDecimal.valueOf(2), p, BigDecimal.TEN, Set.of("b"));
        assertTrue(p.completed());
        assertEquals(3, p.orders());
        var after = ChallengeRules.advance(ChallengeRules.Goal.CATEGORIES, BigDecimal.valueOf(2), p, BigDecimal.TEN, Set.of("c"));
        assertEquals(p, after, "a completed period counts no further");
        assertEquals(new BigDecimal("30"), ChallengeRules.value(ChallengeRules.Goal.SPEND, p));
    }
}
