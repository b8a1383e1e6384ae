package io.loyalty.customer;

import io.loyalty.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * The right to erasure (GDPR art. 17). The customer row stays, because orders, the append-only ledger, redemptions
 * and settlements point at it and the accounts must still add up; what identifies the person goes: email, phone,
 * names, birth date, marketing consent, and the externalId too (it is often an email or a loyalty card number, and
 * keeping it would let the business's own systems re-link the person). What other packages hold that the customer
 * wrote (feedback comments) is erased by the observers of {@link CustomerErased}, in this transaction.
 */
@ApplicationScoped
@Transactional
public class CustomerErasure {
    private final Event<CustomerErased> erased;

    CustomerErasure(Event<CustomerErased> erased) {
        this.erased = erased;
    }

    /** The erased customer. Erasing again changes nothing and answers the same; concurrent erasures queue on the row. */
    public CustomerResponse erase(UUID id) {
        Customer c = CustomerService.find(id, LockModeType.PESSIMISTIC_WRITE);
        if (c.erasedAt != null) {
            return CustomerResponse.from(c);
        }
        Instant now = Timestamps.now();
        c.externalId = null;
        c.email = null;
        c.firstName = null;
        c.lastName = null;
        c.phone = null;
        c.birthDate = null;
        c.marketingConsent = false;
        c.erasedAt = now;
        c.updatedAt = now;
        c.flush();
        erased.fire(new CustomerErased(id, now));
        return CustomerResponse.from(c);
    }
}
