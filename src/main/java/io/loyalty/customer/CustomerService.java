package io.loyalty.customer;

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
            throw CustomerLookup.erased(id); // personal data must not come back through a patch
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
