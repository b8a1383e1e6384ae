package io.loyalty.customer;

import io.loyalty.common.NativeSql;
import io.loyalty.common.error.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the other packages ask of customers: ids by externalId or email, and whether a customer named in a request
 * exists and was erased, with the problems that answer those checks. {@link CustomerService} serves the customer
 * resource itself.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerLookup {

    /** The id of the customer with this externalId, if there is one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> idByExternalId(String externalId) {
        // Native: every order of a storefront that names customers by its own id runs this. No result class: with
        // one, Hibernate caches a new, never equal, interpretation of the statement at every execution.
        return NativeSql.touching(Customer.getEntityManager()
                .createNativeQuery("SELECT id FROM customer WHERE external_id = :e"), "customer")
                .setParameter("e", externalId)
                .getResultStream().findFirst().map(UUID.class::cast);
    }

    /** The ids of the customers with these externalIds, by externalId; unknown ones are left out. */
    public Map<String, UUID> idsByExternalIds(Collection<String> externalIds) {
        Map<String, UUID> ids = new HashMap<>();
        if (externalIds.isEmpty()) {
            return ids;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.touching(Customer.getEntityManager()
                .createNativeQuery("SELECT external_id, id FROM customer WHERE external_id IN (:e)"), "customer")
                .setParameter("e", externalIds)
                .getResultList();
        rows.forEach(r -> ids.put((String) r[0], (UUID) r[1]));
        return ids;
    }

    /** The id of the customer with this email (compared without case), if there is one. */
    public Optional<UUID> idByEmail(String email) {
        return Customer.<Customer>find("lower(email) = lower(?1)", email.strip()).firstResultOptional().map(c -> c.id);
    }

    /** For a customer named in the path: a 404 when there is no such customer. */
    public void requireExists(UUID id) {
        if (Customer.count("id", id) == 0) {
            throw Problems.notFound("Customer", id);
        }
    }

    /**
     * For a customer named in a request body: the request is well-formed but refers to nothing, a 422
     * {@code unknown-customer}.
     */
    public void requireKnown(UUID id) {
        requireKnown(standing(id), id);
    }

    /** As {@link #requireKnown}, holding the customer row as {@link #standingForWriting} does. */
    @Transactional
    public void requireKnownForWriting(UUID id) {
        requireKnown(standingForWriting(id), id);
    }

    private static void requireKnown(Standing standing, UUID id) {
        switch (standing) {
            case UNKNOWN -> throw unknown("Customer " + id + " does not exist");
            case ERASED -> throw erased(id);
            case CURRENT -> { }
        }
    }

    /**
     * For a customer named in the path of a change (a membership, a payment, a grant, a referral code): a 404 when
     * there is no such customer, a 409 {@code customer-erased} when the customer was erased. Reads stay open.
     */
    public void requireNotErased(UUID id) {
        switch (standing(id)) {
            case UNKNOWN -> throw Problems.notFound("Customer", id);
            case ERASED -> throw erased(id);
            case CURRENT -> { }
        }
    }

    /** Whether a customer exists, and was erased. */
    public enum Standing {
        UNKNOWN, CURRENT, ERASED
    }

    /** For callers that must not throw (a row of an import is rejected, its transaction goes on). */
    public Standing standing(UUID id) {
        return standing(id, false);
    }

    /**
     * As {@link #standing}, for what stores the customer's own words (feedback): the row stays share-locked to the end
     * of the transaction, so an erasure either came first (and this sees it) or waits for this to commit and then
     * erases what it wrote. The foreign key's check of the inserted row takes a weaker lock that, today, also makes
     * the erasure's FOR UPDATE wait; this one does not depend on the erasure's lock mode.
     */
    @Transactional
    public Standing standingForWriting(UUID id) {
        return standing(id, true);
    }

    /** As {@link #standing}, for many customers in one statement (a batch of redemptions); absent ones are UNKNOWN. */
    public Map<UUID, Standing> standings(Collection<UUID> ids) {
        Map<UUID, Standing> result = new HashMap<>();
        ids.forEach(id -> result.put(id, Standing.UNKNOWN));
        if (ids.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.touching(Customer.getEntityManager().createNativeQuery(
                        "SELECT CAST(id AS text), erased_at IS NOT NULL FROM customer WHERE id = ANY (CAST(:ids AS uuid[]))"),
                        "customer")
                .setParameter("ids", ids.stream().map(UUID::toString).toArray(String[]::new)).getResultList();
        rows.forEach(r -> result.put(UUID.fromString((String) r[0]), (Boolean) r[1] ? Standing.ERASED : Standing.CURRENT));
        return result;
    }

    private Standing standing(UUID id, boolean share) {
        // Native and one column: every order naming its customer by id runs this.
        List<?> rows = NativeSql.touching(Customer.getEntityManager()
                .createNativeQuery("SELECT erased_at FROM customer WHERE id = :id" + (share ? " FOR SHARE" : "")), "customer")
                .setParameter("id", id).getResultList();
        return rows.isEmpty() ? Standing.UNKNOWN : rows.get(0) == null ? Standing.CURRENT : Standing.ERASED;
    }

    /** The 409 {@code customer-erased} problem: the customer exists, without personal data, and takes nothing new. */
    public static HttpProblem erased(UUID id) {
        return Problems.conflict("customer-erased", "Customer " + id + " was erased (right to erasure): it takes no "
                + "new orders, memberships, redemptions, payments or referrals");
    }

    /** The 422 {@code unknown-customer} problem, for callers that look customers up some other way. */
    public static HttpProblem unknown(String detail) {
        return Problems.unprocessable("unknown-customer", detail);
    }
}
