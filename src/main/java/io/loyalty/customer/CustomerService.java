package io.loyalty.customer;

import io.loyalty.common.NativeSql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.MergePatch;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class CustomerService {

    private final MergePatch mergePatch;
    private final Event<ReferralCodeGiven> referred;

    CustomerService(MergePatch mergePatch, Event<ReferralCodeGiven> referred) {
        this.mergePatch = mergePatch;
        this.referred = referred;
    }

    public CustomerResponse create(CustomerRequest request) {
        CustomerRequest normalized = normalize(request);
        requireIdentified(normalized);
        ensureUnique(normalized, null);
        Customer customer = new Customer();
        customer.id = Ids.newId();
        customer.createdAt = Timestamps.now();
        apply(customer, normalized);
        customer.persistAndFlush();
        announceReferral(customer.id, normalized, true);
        return CustomerResponse.from(customer);
    }

    /**
     * Tells whoever keeps referrals (a package above this one) that a customer came with a referral code,
     * synchronously and in this transaction: a refused code (unknown, self-referral) rolls the customer back.
     */
    private void announceReferral(UUID customerId, CustomerRequest r, boolean created) {
        if (r.referralCode() != null) {
            referred.fire(new ReferralCodeGiven(customerId, r.referralCode(), r.email(), r.phone(), created));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerResponse get(UUID id) {
        return CustomerResponse.from(find(id, LockModeType.NONE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CustomerResponse> list(String externalId, String email, PageRequest page) {
        return Keyset.where()
                .and("externalId = :externalId", "externalId", externalId)
                .and("lower(email) = lower(:email)", "email", email == null ? null : email.strip())
                .page(Customer.getEntityManager(), Customer.class, page, c -> c.id, CustomerResponse::from);
    }

    /**
     * Applies a JSON Merge Patch (RFC 7396): fields present in the patch replace the stored ones, null
     * clears them. The merged customer is validated exactly like a new one. The row is locked for the
     * duration, so concurrent patches apply one after the other and none is lost.
     */
    public CustomerResponse patch(UUID id, ObjectNode patch) {
        Customer customer = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (customer.erasedAt != null) {
            throw erased(id); // personal data must not come back through a patch
        }
        CustomerRequest merged = normalize(mergePatch.apply(toRequest(customer), patch, CustomerRequest.class));
        if (merged.referralCode() != null) {
            throw Problems.invalidField("referralCode", "body", "can only be given when the customer is created");
        }
        requireIdentified(merged);
        ensureUnique(merged, customer.id);
        apply(customer, merged);
        customer.flush();
        return CustomerResponse.from(customer);
    }

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
    @Transactional(Transactional.TxType.SUPPORTS)
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
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> idByEmail(String email) {
        return Customer.<Customer>find("lower(email) = lower(?1)", email.strip()).firstResultOptional().map(c -> c.id);
    }

    /** For a customer named in the path: a 404 when there is no such customer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireExists(UUID id) {
        if (Customer.count("id", id) == 0) {
            throw Problems.notFound("Customer", id);
        }
    }

    /**
     * For a customer named in a request body: the request is well-formed but refers to nothing, a 422
     * {@code unknown-customer}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireKnown(UUID id) {
        requireKnown(standing(id), id);
    }

    /** As {@link #requireKnown}, holding the customer row as {@link #standingForWriting} does. */
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
    @Transactional(Transactional.TxType.SUPPORTS)
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
    @Transactional(Transactional.TxType.SUPPORTS)
    public Standing standing(UUID id) {
        return standing(id, false);
    }

    /**
     * As {@link #standing}, for what stores the customer's own words (feedback): the row stays share-locked to the end
     * of the transaction, so an erasure either came first (and this sees it) or waits for this to commit and then
     * erases what it wrote. The foreign key's check of the inserted row takes a weaker lock that, today, also makes
     * the erasure's FOR UPDATE wait; this one does not depend on the erasure's lock mode.
     */
    public Standing standingForWriting(UUID id) {
        return standing(id, true);
    }

    private Standing standing(UUID id, boolean share) {
        // Native and one column: every order naming its customer by id runs this.
        List<?> rows = NativeSql.touching(Customer.getEntityManager()
                .createNativeQuery("SELECT erased_at FROM customer WHERE id = :id" + (share ? " FOR SHARE" : "")), "customer")
                .setParameter("id", id).getResultList();
        return rows.isEmpty() ? Standing.UNKNOWN : rows.get(0) == null ? Standing.CURRENT : Standing.ERASED;
    }

    /** The 409 {@code customer-erased} problem: the customer exists, without personal data, and takes nothing new. */
    public static io.quarkiverse.resteasy.problem.HttpProblem erased(UUID id) {
        return Problems.conflict("customer-erased", "Customer " + id + " was erased (right to erasure): it takes no "
                + "new orders, memberships, redemptions, payments or referrals");
    }

    /** The 422 {@code unknown-customer} problem, for callers that look customers up some other way. */
    public static io.quarkiverse.resteasy.problem.HttpProblem unknown(String detail) {
        return Problems.unprocessable("unknown-customer", detail);
    }

    /**
     * Guest checkout: the customer with this externalId (or else email), created when there is none.
     * Concurrent first orders of one new customer both end up with the same row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID upsert(CustomerRequest request) {
        CustomerRequest r = normalize(request);
        requireIdentified(r);
        Optional<UUID> existing = findIdentified(r);
        if (existing.isPresent()) {
            announceReferral(existing.get(), r, false);
            return existing.get();
        }
        Instant now = Timestamps.now();
        int inserted = Customer.getEntityManager().createNativeQuery("""
                        INSERT INTO customer (id, external_id, email, first_name, last_name, phone, birth_date,
                                              marketing_consent, created_at, updated_at)
                        VALUES (:id, :ext, :email, :first, :last, :phone, :birth, :consent, :now, :now)
                        ON CONFLICT DO NOTHING""")
                .setParameter("id", Ids.newId())
                .setParameter("ext", r.externalId())
                .setParameter("email", r.email())
                .setParameter("first", r.firstName())
                .setParameter("last", r.lastName())
                .setParameter("phone", r.phone())
                .setParameter("birth", r.birthDate())
                .setParameter("consent", Boolean.TRUE.equals(r.marketingConsent()))
                .setParameter("now", now)
                .executeUpdate();
        UUID id = findIdentified(r).orElseThrow(() -> Problems.conflict("customer-identity",
                "The customer's externalId and email belong to two different customers"));
        announceReferral(id, r, inserted == 1);
        return id;
    }

    private static Optional<UUID> findIdentified(CustomerRequest r) {
        if (r.externalId() != null) {
            Optional<Customer> byExternal = Customer.<Customer>find("externalId", r.externalId()).firstResultOptional();
            if (byExternal.isPresent() || r.email() == null) {
                return byExternal.map(c -> c.id);
            }
        }
        return Customer.<Customer>find("lower(email) = lower(?1)", r.email()).firstResultOptional().map(c -> c.id);
    }

    private static CustomerRequest normalize(CustomerRequest r) {
        return new CustomerRequest(blankToNull(r.externalId()), blankToNull(r.email()), blankToNull(r.firstName()),
                blankToNull(r.lastName()), blankToNull(r.phone()), r.birthDate(), r.marketingConsent(),
                r.referralCode() == null || r.referralCode().isBlank() ? null : r.referralCode().strip().toUpperCase(java.util.Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requireIdentified(CustomerRequest r) {
        if (r.externalId() == null && r.email() == null) {
            throw Problems.invalidField("externalId", "body", "or email is required to identify the customer");
        }
    }

    /** Friendly 409s for the common case; the unique indexes still decide races between requests. */
    private static void ensureUnique(CustomerRequest r, UUID self) {
        if (r.externalId() != null) {
            Customer other = Customer.find("externalId", r.externalId()).firstResult();
            if (other != null && !other.id.equals(self)) {
                throw Problems.conflict("duplicate-external-id",
                        "A customer with externalId '" + r.externalId() + "' already exists: " + other.id);
            }
        }
        if (r.email() != null) {
            Customer other = Customer.find("lower(email) = lower(?1)", r.email()).firstResult();
            if (other != null && !other.id.equals(self)) {
                throw Problems.conflict("duplicate-email", "A customer with this email already exists");
            }
        }
    }

    private static void apply(Customer c, CustomerRequest r) {
        c.externalId = r.externalId();
        c.email = r.email();
        c.firstName = r.firstName();
        c.lastName = r.lastName();
        c.phone = r.phone();
        c.birthDate = r.birthDate();
        c.marketingConsent = Boolean.TRUE.equals(r.marketingConsent());
        c.updatedAt = Timestamps.now();
    }

    private static CustomerRequest toRequest(Customer c) {
        return new CustomerRequest(c.externalId, c.email, c.firstName, c.lastName, c.phone, c.birthDate,
                c.marketingConsent);
    }

    static Customer find(UUID id, LockModeType lock) {
        Customer customer = Customer.findById(id, lock);
        if (customer == null) {
            throw Problems.notFound("Customer", id);
        }
        return customer;
    }
}
