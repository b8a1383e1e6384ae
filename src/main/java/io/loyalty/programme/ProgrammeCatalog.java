package io.loyalty.programme;

import io.loyalty.common.CacheClearing;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;

import java.util.List;

/**
 * The ACTIVE programmes, which every order needs, kept in memory instead of read per order. Changes
 * made through this instance clear it at once and again when they commit; other instances pick them up within the cache's expiry
 * (see application.properties). The entities are detached and read-only: never modify them.
 */
@ApplicationScoped
public class ProgrammeCatalog {
    static final String CACHE = "active-programmes";

    private final EntityManager em;
    private final Cache cache;
    private final TransactionSynchronizationRegistry transaction;

    ProgrammeCatalog(EntityManager em, @CacheName(CACHE) Cache cache, TransactionSynchronizationRegistry transaction) {
        this.em = em;
        this.cache = cache;
        this.transaction = transaction;
    }

    @CacheResult(cacheName = CACHE)
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Programme> active() {
        List<Programme> programmes = em.createQuery("from Programme where status = :s order by id", Programme.class)
                .setParameter("s", ProgrammeStatus.ACTIVE)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        programmes.forEach(em::detach);
        return List.copyOf(programmes);
    }

    /** Called by whatever changes a programme, inside its transaction (see {@link CacheClearing}). */
    public void changed() {
        CacheClearing.nowAndWhenDone(cache, transaction);
    }
}
