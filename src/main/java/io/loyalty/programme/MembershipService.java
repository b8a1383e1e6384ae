package io.loyalty.programme;

import io.loyalty.common.Ids;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who belongs to which programme. Members of AUTOMATIC programmes get their membership row the first
 * time they need one (their first accrual), so activating a programme never touches every customer.
 */
@ApplicationScoped
@Transactional
public class MembershipService {

    private final EntityManager em;
    private final ProgrammeCatalog catalog;
    private final CustomerLookup customers;

    private final LockedMemberships lockedAhead;
    private final StampCardsAhead cardsAhead;

    MembershipService(EntityManager em, ProgrammeCatalog catalog, CustomerLookup customers,
                      LockedMemberships lockedAhead, StampCardsAhead cardsAhead) {
        this.lockedAhead = lockedAhead;
        this.cardsAhead = cardsAhead;
        this.em = em;
        this.catalog = catalog;
        this.customers = customers;
    }

    /** Enrols a customer; enrolling a member again changes nothing, re-enrolling an ended one reopens it. */
    public MembershipResponse enrol(UUID programmeId, UUID customerId) {
        return enrol(programmeId, customerId, Timestamps.now());
    }

    /**
     * Enrols a customer as of a past instant, for memberships brought over from history (and the demo data),
     * so that metrics of members "at the time" see them from when they really joined.
     */
    public MembershipResponse enrol(UUID programmeId, UUID customerId, Instant joinedAt) {
        if (joinedAt.isAfter(Timestamps.now())) {
            throw Problems.invalidField("joinedAt", "body", "must not be in the future");
        }
        Programme p = Programme.findById(programmeId);
        if (p == null) {
            throw Problems.notFound("Programme", programmeId);
        }
        if (p.status == ProgrammeStatus.CLOSED) {
            throw Problems.conflict("programme-closed", "Programme " + programmeId + " is closed");
        }
        customers.requireNotErased(customerId);
        Membership m = ensure(programmeId, customerId, joinedAt);
        if (!m.isActive()) {
            m.endedAt = null;
        }
        return MembershipResponse.of(p, customerId, m);
    }

    /** Ends a membership. The ledger and balances are kept; an ended membership earns nothing. */
    public void end(UUID programmeId, UUID customerId) {
        if (Programme.findById(programmeId) == null) {
            throw Problems.notFound("Programme", programmeId);
        }
        customers.requireExists(customerId);
        Membership m = ensure(programmeId, customerId, Timestamps.now());
        if (m.isActive()) {
            m.endedAt = Timestamps.now();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MembershipResponse> forCustomer(UUID customerId) {
        customers.requireExists(customerId);
        Map<UUID, Membership> rows = Membership.<Membership>list("customerId", customerId).stream()
                .collect(Collectors.toMap(m -> m.programmeId, Function.identity()));
        List<MembershipResponse> result = new ArrayList<>();
        for (Programme p : Programme.<Programme>list("status <> ?1", ProgrammeStatus.CLOSED)) {
            Membership m = rows.get(p.id);
            if (m != null || (p.enrolment == Enrolment.AUTOMATIC && p.isActive())) {
                result.add(MembershipResponse.of(p, customerId, m));
            }
        }
        result.sort(Comparator.comparing(MembershipResponse::programmeId));
        return result;
    }

    /** Whether the customer has ever joined the programme (a membership row exists, ended or not). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasJoined(UUID programmeId, UUID customerId) {
        return Membership.count("programmeId = ?1 and customerId = ?2", programmeId, customerId) > 0;
    }

    /** One membership as the customer's list shows it (so also an AUTOMATIC one not yet earned in). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MembershipResponse get(UUID programmeId, UUID customerId) {
        return forCustomer(customerId).stream().filter(m -> m.programmeId().equals(programmeId)).findFirst()
                .orElseThrow(() -> Problems.notFound("Membership of customer " + customerId + " in programme", programmeId));
    }

    /**
     * The locked memberships under which a customer earns now: every ACTIVE programme that is AUTOMATIC
     * or that the customer joined, without ended memberships. One query in the usual case; rows of
     * AUTOMATIC programmes are created the first time. Rows are locked in id order, so concurrent
     * requests for one customer queue instead of deadlocking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Account> earningAccounts(UUID customerId, Instant joinedAt) {
        List<Programme> programmes = catalog.active();
        if (programmes.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = programmes.stream().map(p -> p.id).toList();
        // Locked ahead for a batch, unless the active programmes changed since.
        List<Membership> ahead = lockedAhead.of(customerId, ids);
        List<Membership> locked = ahead != null ? ahead : lockedMemberships(customerId, ids);
        boolean missing = false;
        for (Programme p : programmes) {
            if (p.enrolment == Enrolment.AUTOMATIC && locked.stream().noneMatch(m -> m.programmeId.equals(p.id))) {
                insertIfMissing(p.id, customerId, joinedAt);
                missing = true;
            }
        }
        if (missing) {
            locked = lockedMemberships(customerId, ids);
            if (ahead != null) {
                lockedAhead.put(customerId, ids, locked);
            }
        }
        Map<UUID, Programme> byId = programmes.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        return locked.stream().filter(Membership::isActive)
                .map(m -> new Account(byId.get(m.programmeId), m))
                .sorted(Comparator.comparing(a -> a.programme().id))
                .toList();
    }

    /**
     * Locks the memberships of all these customers in the active programmes ahead of earning, for a batch of orders:
     * in one statement and in id order (the order every lock of memberships follows, so two batches, or a batch and
     * a single request, queue instead of deadlocking), after creating the missing rows of AUTOMATIC programmes (joined
     * at the customer's first order in the batch); {@link #earningAccounts} then takes them from here, and their stamp
     * cards are read ahead with them ({@link StampCardsAhead}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForEarning(Map<UUID, Instant> firstOrderByCustomer) {
        List<Programme> programmes = catalog.active();
        if (programmes.isEmpty() || firstOrderByCustomer.isEmpty()) {
            return;
        }
        List<UUID> programmeIds = programmes.stream().map(p -> p.id).toList();
        Map<UUID, List<Membership>> byCustomer = lockAll(firstOrderByCustomer.keySet(), programmeIds);
        List<UUID[]> missing = new ArrayList<>();
        for (Map.Entry<UUID, List<Membership>> e : byCustomer.entrySet()) {
            for (Programme p : programmes) {
                if (p.enrolment == Enrolment.AUTOMATIC && e.getValue().stream().noneMatch(m -> m.programmeId.equals(p.id))) {
                    missing.add(new UUID[]{e.getKey(), p.id});
                }
            }
        }
        if (!missing.isEmpty()) {
            missing.sort(Comparator.<UUID[], UUID>comparing(m -> m[0]).thenComparing(m -> m[1]));
            for (UUID[] m : missing) {
                insertIfMissing(m[1], m[0], firstOrderByCustomer.get(m[0]));
            }
            byCustomer = lockAll(firstOrderByCustomer.keySet(), programmeIds);
        }
        byCustomer.forEach((customer, locked) -> lockedAhead.put(customer, programmeIds, locked));
        Set<UUID> stamping = programmes.stream()
                .filter(p -> p.rules != null && p.rules.stream().anyMatch(r -> r.type() == EarningRule.Type.STAMP))
                .map(p -> p.id).collect(java.util.stream.Collectors.toSet());
        if (!stamping.isEmpty()) {
            cardsAhead.load(byCustomer.values().stream().flatMap(List::stream)
                    .filter(m -> stamping.contains(m.programmeId)).map(m -> m.id).toList());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<Membership>> lockAll(Collection<UUID> customerIds, List<UUID> programmeIds) {
        List<Membership> rows = em.createNativeQuery(
                        "SELECT * FROM membership WHERE customer_id IN (:c) AND programme_id IN (:p) ORDER BY id FOR UPDATE",
                        Membership.class)
                .setParameter("c", customerIds)
                .setParameter("p", programmeIds)
                .getResultList();
        Map<UUID, List<Membership>> byCustomer = new HashMap<>();
        customerIds.forEach(c -> byCustomer.put(c, new ArrayList<>()));
        rows.forEach(m -> byCustomer.get(m.customerId).add(m));
        return byCustomer;
    }

    /**
     * Each pair's membership found by a probe of the unique index, then all of them locked in id order. A batch runs
     * this on its generic plan, without sequential scans ({@link io.loyalty.common.NativeSql#beginBatch}); joined to
     * the pairs directly, its generic plan on a small table hashed all of it.
     */
    static final String LOCK_EXISTING = """
            SELECT * FROM membership WHERE id = ANY (ARRAY(
                SELECT f.id FROM unnest(CAST(:c AS uuid[]), CAST(:p AS uuid[])) AS x(c, p)
                CROSS JOIN LATERAL (SELECT m.id FROM membership m WHERE m.customer_id = x.c AND m.programme_id = x.p LIMIT 1) f))
            ORDER BY id FOR UPDATE""";

    /**
     * Locks the existing memberships of these (customer, programme) pairs, in one statement and in id order (the order
     * every lock of memberships follows, see {@link #lockForEarning}), for a caller about to change several of them
     * one after another, which would otherwise lock them in its own order: a batch of redemptions, a batch of referral
     * bonuses. A membership not created yet is not created here: it is created and locked when it is needed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Membership> lockExisting(Collection<Map.Entry<UUID, UUID>> customerAndProgramme) {
        if (customerAndProgramme.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery(LOCK_EXISTING, Membership.class)
                .setParameter("c", customerAndProgramme.stream().map(e -> e.getKey().toString()).toArray(String[]::new))
                .setParameter("p", customerAndProgramme.stream().map(e -> e.getValue().toString()).toArray(String[]::new))
                .getResultList();
    }

    /** A locked membership of one programme, created if needed (adjustments, events, expiry). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Membership lockedMembership(UUID programmeId, UUID customerId) {
        List<Membership> found = lockedMemberships(customerId, List.of(programmeId));
        if (!found.isEmpty()) {
            return found.get(0);
        }
        insertIfMissing(programmeId, customerId, Timestamps.now());
        return lockedMemberships(customerId, List.of(programmeId)).get(0);
    }

    /** The id of a customer's membership of a programme, without locking it, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> membershipId(UUID programmeId, UUID customerId) {
        // No result class: see CustomerLookup.idByExternalId.
        return em.createNativeQuery("SELECT id FROM membership WHERE programme_id = :p AND customer_id = :c")
                .setParameter("p", programmeId).setParameter("c", customerId)
                .getResultStream().findFirst().map(UUID.class::cast);
    }

    /** Native SQL on purpose: every order runs it, and HQL with a lock and a list is re-translated each time. */
    @SuppressWarnings("unchecked")
    private List<Membership> lockedMemberships(UUID customerId, List<UUID> programmeIds) {
        return em.createNativeQuery("""
                        SELECT * FROM membership WHERE customer_id = :c AND programme_id IN (:p) ORDER BY id FOR UPDATE""",
                        Membership.class)
                .setParameter("c", customerId)
                .setParameter("p", programmeIds)
                .getResultList();
    }

    private void insertIfMissing(UUID programmeId, UUID customerId, Instant joinedAt) {
        em.createNativeQuery("""
                        INSERT INTO membership (id, programme_id, customer_id, joined_at)
                        VALUES (:id, :p, :c, :joined) ON CONFLICT (programme_id, customer_id) DO NOTHING""")
                .setParameter("id", Ids.newId())
                .setParameter("p", programmeId)
                .setParameter("c", customerId)
                .setParameter("joined", joinedAt)
                .executeUpdate();
    }

    private Membership ensure(UUID programmeId, UUID customerId, Instant joinedAt) {
        insertIfMissing(programmeId, customerId, joinedAt);
        return em.createQuery("from Membership where programmeId = :p and customerId = :c", Membership.class)
                .setParameter("p", programmeId)
                .setParameter("c", customerId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
    }

    /** A programme with the customer's locked membership in it. */
    public record Account(Programme programme, Membership membership) {
    }
}
