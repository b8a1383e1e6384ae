package io.loyalty.ledger;

import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.programme.ExpiryPolicy;
import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Expires points that are due: lots whose {@code expiresAt} has passed, and under an INACTIVITY policy
 * every lot of members whose last order is too long ago. Safe with several instances: memberships are
 * processed under row locks and only lots with something remaining are touched, so nothing expires
 * twice; a per-programme advisory lock keeps instances from doing the same work side by side.
 */
@ApplicationScoped
public class ExpiryService {
    private static final Logger LOG = Logger.getLogger(ExpiryService.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final Ledger ledger;

    ExpiryService(EntityManager em, Ledger ledger) {
        this.em = em;
        this.ledger = ledger;
    }

    private record Totals(int memberships, int lots, long points) {
        Totals plus(Totals o) {
            return new Totals(memberships + o.memberships, lots + o.lots, points + o.points);
        }
    }

    /**
     * Runs expiry for one programme as of an instant, in batches of short transactions.
     *
     * @param wait whether to wait for another instance's run on the same programme (an admin's request)
     *             or to skip the programme (the scheduled job)
     */
    @Transactional(Transactional.TxType.NEVER)
    public ExpiryRunResponse run(UUID programmeId, Instant asOf, UUID apiKeyId, boolean wait) {
        Instant startedAt = Timestamps.now();
        if (asOf.isAfter(startedAt)) {
            throw Problems.invalidParameter("asOf", "must not be in the future: that would expire points still valid now");
        }
        Programme programme = QuarkusTransaction.requiringNew().call(() -> Programme.<Programme>findById(programmeId));
        if (programme == null) {
            throw Problems.notFound("Programme", programmeId);
        }
        Totals totals = new Totals(0, 0, 0);
        while (true) {
            Totals batch = QuarkusTransaction.requiringNew().call(() -> batch(programme, asOf, wait));
            if (batch == null) {
                LOG.debugf("Expiry of programme %s skipped: another instance is running it", programmeId);
                break;
            }
            totals = totals.plus(batch);
            if (batch.memberships() < BATCH) {
                break;
            }
        }
        Totals done = totals;
        UUID id = Ids.newId();
        if (apiKeyId == null && done.lots() == 0) {
            // Scheduled passes that found nothing are not worth a row each every few minutes.
            return new ExpiryRunResponse(id, programmeId, asOf, 0, 0, 0, startedAt, null);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                            INSERT INTO expiry_run (id, programme_id, as_of, memberships, lots, points, started_at, api_key_id)
                            VALUES (:id, :p, :asOf, :m, :l, :pts, :start, :key)""")
                    .setParameter("id", id).setParameter("p", programmeId).setParameter("asOf", asOf)
                    .setParameter("m", done.memberships()).setParameter("l", done.lots()).setParameter("pts", done.points())
                    .setParameter("start", startedAt).setParameter("key", apiKeyId)
                    .executeUpdate();
            return new ExpiryRunResponse(id, programmeId, asOf, done.memberships(), done.lots(), done.points(), startedAt, apiKeyId);
        });
    }

    /** One batch of due memberships; null when another instance holds the programme's lock. */
    private Totals batch(Programme p, Instant asOf, boolean wait) {
        String lock = wait ? "SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"
                : "SELECT pg_try_advisory_xact_lock(hashtextextended(:k, 0))";
        Object acquired = em.createNativeQuery(lock).setParameter("k", "expiry:" + p.id).getSingleResult();
        if (Boolean.FALSE.equals(acquired)) {
            return null;
        }
        Integer inactivityDays = p.expiry.type() == ExpiryPolicy.Type.INACTIVITY ? p.expiry.inactivityDays() : null;
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        SELECT m.id FROM membership m
                        WHERE m.programme_id = :p AND (
                          EXISTS (SELECT 1 FROM point_lot l WHERE l.membership_id = m.id AND l.remaining > 0
                                  AND l.expires_at <= :asOf)
                          OR (CAST(:days AS integer) IS NOT NULL
                              AND coalesce(m.last_order_at, m.joined_at) + make_interval(days => CAST(:days AS integer)) <= :asOf
                              AND EXISTS (SELECT 1 FROM point_lot l WHERE l.membership_id = m.id AND l.remaining > 0)))
                        ORDER BY m.id LIMIT :batch""")
                .setParameter("p", p.id).setParameter("asOf", asOf).setParameter("days", inactivityDays)
                .setParameter("batch", BATCH)
                .getResultList();
        int lots = 0;
        long points = 0;
        for (UUID id : due) {
            Membership m = em.find(Membership.class, id, LockModeType.PESSIMISTIC_WRITE);
            Instant inactiveSince = inactivityDays == null ? null
                    : (m.lastOrderAt != null ? m.lastOrderAt : m.joinedAt).plus(Duration.ofDays(inactivityDays));
            boolean allDue = inactiveSince != null && !inactiveSince.isAfter(asOf);
            List<PointLot> open = em.createQuery("""
                            from PointLot where membershipId = :m and remaining > 0 order by earnedAt, entryId""", PointLot.class)
                    .setParameter("m", m.id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            for (PointLot lot : open) {
                boolean lotDue = lot.expiresAt != null && !lot.expiresAt.isAfter(asOf);
                if (!lotDue && !allDue) {
                    continue;
                }
                Instant when = lotDue ? lot.expiresAt : inactiveSince;
                long amount = lot.remaining;
                ledger.debit(m, EntryType.EXPIRE, amount, List.of(lot),
                        Ledger.Source.of(null, when).because(lotDue ? "expired" : "expired after inactivity"));
                lots++;
                points += amount;
            }
        }
        em.flush();
        return new Totals(due.size(), lots, points);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ExpiryRunResponse> runs(UUID programmeId, PageRequest page) {
        if (Programme.findById(programmeId) == null) {
            throw Problems.notFound("Programme", programmeId);
        }
        List<Object[]> rows = Keyset.where().and("programme_id = :p", "p", programmeId).fetchNative(em,
                "SELECT id, programme_id, as_of, memberships, lots, points, started_at, api_key_id FROM expiry_run",
                null, page);
        return Page.of(rows, page.limit(), r -> (UUID) r[0], ExpiryService::toResponse);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExpiryRunResponse get(UUID programmeId, UUID runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, programme_id, as_of, memberships, lots, points, started_at, api_key_id FROM expiry_run
                        WHERE programme_id = :p AND id = :id""")
                .setParameter("p", programmeId).setParameter("id", runId).getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("Expiry run", runId);
        }
        return toResponse(rows.get(0));
    }

    private static ExpiryRunResponse toResponse(Object[] r) {
        return new ExpiryRunResponse((UUID) r[0], (UUID) r[1], instant(r[2]), ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(), ((Number) r[5]).longValue(), instant(r[6]), (UUID) r[7]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
