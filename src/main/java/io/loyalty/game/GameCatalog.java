package io.loyalty.game;

import io.loyalty.common.CacheClearing;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;

import java.time.Instant;
import java.util.List;

/**
 * Every game and challenge, which every order needs (to know it plays none), kept in memory instead of read per
 * order, like the active programmes. Changes made through this instance clear it at once and again when they
 * commit; other instances pick them up within the cache's expiry (application.properties). The entities are
 * copies, detached from any session and read-only: never modify them; the win counters, budgets, end and prize a win is
 * counted on are read from the game row (Gamification.claim).
 */
@ApplicationScoped
public class GameCatalog {
    static final String CACHE = "games-and-challenges";

    record Definitions(List<Game> games, List<Challenge> challenges) {
    }

    private final EntityManager em;
    private final Cache cache;
    private final TransactionSynchronizationRegistry transaction;

    GameCatalog(EntityManager em, @CacheName(CACHE) Cache cache, TransactionSynchronizationRegistry transaction) {
        this.em = em;
        this.cache = cache;
        this.transaction = transaction;
    }

    /**
     * Loaded in the caller's transaction, on its connection: in a transaction of its own it would need a second
     * connection while the order holds one (and its membership locks), and under load every connection can be held
     * by orders waiting for this load. Rows a caller wrote and did not commit cannot stay cached: {@link #changed}
     * clears the cache again when that transaction ends.
     */
    @CacheResult(cacheName = CACHE)
    @Transactional(Transactional.TxType.REQUIRED)
    public Definitions all() {
        // Copies, not the loaded entities: detaching those could detach an instance the caller's own transaction
        // loaded and still works with.
        List<Game> games = em.createQuery("from Game order by id", Game.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList().stream().map(GameCatalog::copy).toList();
        List<Challenge> challenges = em.createQuery("from Challenge order by id", Challenge.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList().stream().map(GameCatalog::copy).toList();
        return new Definitions(games, challenges);
    }

    private static Game copy(Game from) {
        Game g = new Game();
        g.id = from.id;
        g.programmeId = from.programmeId;
        g.name = from.name;
        g.minAmount = from.minAmount;
        g.category = from.category;
        g.probability = from.probability;
        g.prizeRewardId = from.prizeRewardId;
        g.prizePoints = from.prizePoints;
        g.dailyWinBudget = from.dailyWinBudget;
        g.totalWinBudget = from.totalWinBudget;
        g.wins = from.wins;
        g.validFrom = from.validFrom;
        g.validTo = from.validTo;
        g.createdAt = from.createdAt;
        return g;
    }

    private static Challenge copy(Challenge from) {
        Challenge c = new Challenge();
        c.id = from.id;
        c.programmeId = from.programmeId;
        c.name = from.name;
        c.goal = from.goal;
        c.target = from.target;
        c.period = from.period;
        c.prizeRewardId = from.prizeRewardId;
        c.prizePoints = from.prizePoints;
        c.validFrom = from.validFrom;
        c.validTo = from.validTo;
        c.createdAt = from.createdAt;
        return c;
    }

    /** The games running at an instant, in id order. */
    List<Game> gamesAt(Instant at) {
        return all().games().stream().filter(g -> runs(g.validFrom, g.validTo, at)).toList();
    }

    /** The challenges running at an instant, in id order. */
    List<Challenge> challengesAt(Instant at) {
        return all().challenges().stream().filter(c -> runs(c.validFrom, c.validTo, at)).toList();
    }

    /**
     * Called by whatever changes a game or challenge, inside its transaction: clears now, and again once the change
     * committed, so that an order reading the old rows in between does not keep them cached.
     */
    void changed() {
        CacheClearing.nowAndWhenDone(cache, transaction);
    }

    static boolean runs(Instant validFrom, Instant validTo, Instant at) {
        return (validFrom == null || !validFrom.isAfter(at)) && (validTo == null || validTo.isAfter(at));
    }
}
