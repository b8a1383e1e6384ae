package io.loyalty.game;

import io.loyalty.common.Ids;
import io.loyalty.common.Timestamps;
import io.loyalty.customer.PromotionPolicy;
import io.loyalty.programme.Membership;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.Programme;
import io.loyalty.reward.RedemptionOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The games and challenges of an order, inside the order's transaction. Each running game of each programme the
 * customer earns in is played once: the outcome is decided by {@link GameRules} from the counters as loaded and a
 * secure roll, then written; a win is counted by a conditional update of the game's counters, which a concurrent
 * win that spent the budget first makes fail (the draw is then BUDGET_SPENT). Lock order: memberships (taken by
 * the order's earning), game row, day row, reward row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Gamification {

    private final EntityManager em;
    private final MembershipService memberships;
    private final PromotionPolicy promotions;
    private final RandomSource random;
    private final Prizes prizes;
    private final ChallengeProgress challenges;
    private final GameCatalog catalog;

    private static final String GAMES_LOCKED = Gamification.class.getName() + ".gamesLocked";
    private final jakarta.transaction.TransactionSynchronizationRegistry transaction;

    Gamification(EntityManager em, MembershipService memberships, PromotionPolicy promotions, RandomSource random,
                 Prizes prizes, ChallengeProgress challenges, GameCatalog catalog,
                 jakarta.transaction.TransactionSynchronizationRegistry transaction) {
        this.em = em;
        this.transaction = transaction;
        this.catalog = catalog;
        this.memberships = memberships;
        this.promotions = promotions;
        this.random = random;
        this.prizes = prizes;
        this.challenges = challenges;
    }

    /**
     * Plays the order. Null when no game or challenge of the customer's programmes is running, which keeps orders
     * of programmes without gamification as they were (the running games come from memory: no query).
     */
    public OrderGamification play(GameRules.OrderFacts order, UUID apiKeyId) {
        List<Game> games = catalog.gamesAt(order.placedAt());
        List<Challenge> running = catalog.challengesAt(order.placedAt());
        if (games.isEmpty() && running.isEmpty()) {
            return null;
        }
        Map<UUID, MembershipService.Account> accounts = memberships.earningAccounts(order.customerId(), order.placedAt())
                .stream().filter(a -> a.programme().currency.equals(order.currency()))
                .collect(Collectors.toMap(a -> a.programme().id, Function.identity()));
        games = games.stream().filter(g -> accounts.containsKey(g.programmeId)).toList();
        running = running.stream().filter(c -> accounts.containsKey(c.programmeId)).toList();
        if (games.isEmpty() && running.isEmpty()) {
            return null;
        }
        Optional<PromotionPolicy.Suppression> suppressed = promotions.suppression(order.customerId());
        if (suppressed.isPresent()) {
            return new OrderGamification(List.of(), List.of(), suppressed.get().reason());
        }
        List<OrderGamification.Draw> draws = new ArrayList<>();
        for (Game g : games) {
            if (GameRules.plays(g, order)) {
                MembershipService.Account a = accounts.get(g.programmeId);
                draws.add(draw(g, a.programme(), a.membership(), order, apiKeyId));
            }
        }
        List<OrderGamification.Step> steps = new ArrayList<>();
        for (Challenge c : running) {
            MembershipService.Account a = accounts.get(c.programmeId);
            steps.add(challenges.advance(c, a.programme(), a.membership(), order, apiKeyId));
        }
        return new OrderGamification(draws, steps, null);
    }

    private OrderGamification.Draw draw(Game g, Programme p, Membership m, GameRules.OrderFacts order, UUID apiKeyId) {
        LocalDate day = order.placedAt().atZone(p.zone()).toLocalDate();
        int roll = random.nextInt(GameRules.ROLLS);
        DrawOutcome outcome = GameRules.decide(g, counters(g, day), roll);
        Prizes.Paid paid = null;
        if (outcome == DrawOutcome.WON) {
            Claim claim = claim(g, day, order.placedAt());
            if (claim.outcome() != DrawOutcome.WON) {
                outcome = claim.outcome();
            } else {
                paid = prizes.pay(p, m, claim.prizeRewardId(), claim.prizePoints(), RedemptionOrigin.GAME, "game:" + g.id,
                        "Won instant-win game '" + g.name + "' with order " + order.externalId(), Timestamps.now(),
                        apiKeyId).orElse(null);
                if (paid == null) {
                    release(g, day);
                    outcome = DrawOutcome.PRIZE_UNAVAILABLE;
                }
            }
        }
        GameDraw d = new GameDraw();
        d.id = Ids.newId();
        d.gameId = g.id;
        d.orderId = order.orderId();
        d.customerId = order.customerId();
        d.membershipId = m.id;
        d.probability = g.probability;
        d.roll = roll;
        d.outcome = outcome;
        if (paid != null) {
            d.prizeRewardId = paid.rewardId();
            d.prizePoints = paid.points();
            d.redemptionId = paid.redemptionId();
            d.ledgerEntryId = paid.ledgerEntryId();
        }
        d.drawnAt = Timestamps.now();
        em.persist(d);
        return new OrderGamification.Draw(d.id, g.id, g.name, g.probability, outcome, paid == null ? null : paid.view());
    }

    private GameRules.Counters counters(Game g, LocalDate day) {
        // The game itself comes from the catalogue's memory: its win count is read here, with today's.
        Object[] wins = (Object[]) em.createNativeQuery("SELECT g.wins, (SELECT d.wins FROM game_day_wins d "
                        + "WHERE d.game_id = g.id AND d.day = :d) FROM game g WHERE g.id = :g")
                .setParameter("g", g.id).setParameter("d", day).getSingleResult();
        return new GameRules.Counters(((Number) wins[0]).intValue(), wins[1] == null ? 0 : ((Number) wins[1]).intValue());
    }

    /** What counting a win found: WON with the prize as the game row has it now, or why not. */
    private record Claim(DrawOutcome outcome, UUID prizeRewardId, Long prizePoints) {
    }

    /**
     * Counts a win if the game still runs at the order's time and its budgets still allow it, deciding on the game
     * row as it is now, not on the catalogue's copy (up to 10 s old on another instance): an ended game pays no
     * prize (the roll is LOST), a lowered budget holds, a changed prize is the one given. The conditional updates
     * decide under races: a second winner waits on the row lock of the first and re-checks once the first commits.
     */
    private Claim claim(Game g, LocalDate day, Instant at) {
        lockGamesOnce();
        List<?> counted = em.createNativeQuery("""
                        UPDATE game SET wins = wins + 1
                        WHERE id = :g AND (total_win_budget IS NULL OR wins < total_win_budget)
                          AND (valid_from IS NULL OR valid_from <= :at) AND (valid_to IS NULL OR valid_to > :at)
                        RETURNING daily_win_budget, prize_reward_id, prize_points""")
                .setParameter("g", g.id).setParameter("at", at).getResultList();
        if (counted.isEmpty()) {
            Object runs = em.createNativeQuery("""
                            SELECT (valid_from IS NULL OR valid_from <= :at) AND (valid_to IS NULL OR valid_to > :at)
                            FROM game WHERE id = :g""")
                    .setParameter("g", g.id).setParameter("at", at).getSingleResult();
            return new Claim(Boolean.TRUE.equals(runs) ? DrawOutcome.BUDGET_SPENT : DrawOutcome.LOST, null, null);
        }
        Object[] row = (Object[]) counted.get(0);
        int daily = em.createNativeQuery("""
                        INSERT INTO game_day_wins (game_id, day, wins) VALUES (:g, :d, 1)
                        ON CONFLICT (game_id, day) DO UPDATE SET wins = game_day_wins.wins + 1
                        WHERE game_day_wins.wins < :budget""")
                .setParameter("g", g.id).setParameter("d", day)
                .setParameter("budget", row[0] == null ? Integer.MAX_VALUE : ((Number) row[0]).intValue())
                .executeUpdate();
        if (daily == 0) {
            em.createNativeQuery("UPDATE game SET wins = wins - 1 WHERE id = :g").setParameter("g", g.id).executeUpdate();
            return new Claim(DrawOutcome.BUDGET_SPENT, null, null);
        }
        return new Claim(DrawOutcome.WON, (UUID) row[1], row[2] == null ? null : ((Number) row[2]).longValue());
    }

    /**
     * Before its first win counts, a transaction locks every game row, in id order. A batch of orders
     * ({@code io.loyalty.order.OrderWriter}) may count wins in several games, in whatever order its orders win them;
     * two batches doing so in different orders would deadlock on the game rows they lock until they commit.
     */
    private void lockGamesOnce() {
        if (transaction.getResource(GAMES_LOCKED) != null) {
            return;
        }
        List<UUID> ids = catalog.all().games().stream().map(game -> game.id).toList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("SELECT id FROM game WHERE id IN (:ids) ORDER BY id FOR NO KEY UPDATE")
                    .setParameter("ids", ids).getResultList();
        }
        transaction.putResource(GAMES_LOCKED, Boolean.TRUE);
    }

    /** Uncounts a win whose prize could not be given (both rows are locked by this transaction already). */
    private void release(Game g, LocalDate day) {
        em.createNativeQuery("UPDATE game SET wins = wins - 1 WHERE id = :g").setParameter("g", g.id).executeUpdate();
        em.createNativeQuery("UPDATE game_day_wins SET wins = wins - 1 WHERE game_id = :g AND day = :d")
                .setParameter("g", g.id).setParameter("d", day).executeUpdate();
    }

    /**
     * A full return of the order: the prizes it won and that are still unused are taken back (see
     * {@link Prizes#revoke}); used ones are kept. The game's win budget is not given back: the win happened.
     * Challenge progress and prizes are left as they are.
     */
    public void orderReturned(UUID orderId, UUID customerId, UUID returnId, UUID apiKeyId) {
        List<GameDraw> won = em.createQuery("from GameDraw where orderId = :o and outcome = :w and revokedAt is null order by id",
                        GameDraw.class)
                .setParameter("o", orderId).setParameter("w", DrawOutcome.WON).getResultList();
        Instant now = Timestamps.now();
        for (GameDraw d : won) {
            Game g = Game.findById(d.gameId);
            Membership m = memberships.lockedMembership(g.programmeId, customerId);
            d.revoked = prizes.revoke(m, d.redemptionId, d.ledgerEntryId, "game:" + g.id,
                    "Order returned: prize of game '" + g.name + "' taken back", orderId, returnId, apiKeyId, now);
            d.revokedAt = now;
        }
    }
}
