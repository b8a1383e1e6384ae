package io.loyalty.game;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;

import java.time.Instant;
import java.util.List;

/**
 * Every game and challenge, which every order needs (to know it plays none), kept in memory instead of read per
 * order, like the active programmes. Changes made through this instance clear it at once and again when they
 * commit; other instances pick them up within the cache's expiry (application.properties). The entities are
 * detached and read-only: never modify them, and read the win counters from the database (they move with every win).
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

    @CacheResult(cacheName = CACHE)
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Definitions all() {
        List<Game> games = em.createQuery("from Game order by id", Game.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        List<Challenge> challenges = em.createQuery("from Challenge order by id", Challenge.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        games.forEach(em::detach);
        challenges.forEach(em::detach);
        return new Definitions(List.copyOf(games), List.copyOf(challenges));
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
        cache.invalidateAll().await().indefinitely();
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.invalidateAll().await().indefinitely();
            }
        });
    }

    static boolean runs(Instant validFrom, Instant validTo, Instant at) {
        return (validFrom == null || !validFrom.isAfter(at)) && (validTo == null || validTo.isAfter(at));
    }
}
