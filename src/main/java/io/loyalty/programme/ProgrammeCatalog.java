package io.loyalty.programme;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;

import java.util.List;

/**
 * The ACTIVE programmes, which every order needs, kept in memory instead of read per order. Changes
 * made through this instance clear it at once; other instances pick them up within the cache's expiry
 * (see application.properties). The entities are detached and read-only: never modify them.
 */
@ApplicationScoped
public class ProgrammeCatalog {
    static final String CACHE = "active-programmes";

    private final EntityManager em;

    ProgrammeCatalog(EntityManager em) {
        this.em = em;
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

    @CacheInvalidateAll(cacheName = CACHE)
    public void changed() {
        // the annotation does the work
    }
}
