package io.loyalty.programme;

import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The memberships a transaction locked ahead for a batch of orders ({@link MembershipService#lockForEarning}), by
 * customer: found here, they need not be locked again order by order.
 */
@TransactionScoped
class LockedMemberships implements Serializable {
    private final Map<UUID, List<Membership>> byCustomer = new HashMap<>();

    /** @return the customer's locked memberships, or null when they were not locked ahead */
    List<Membership> of(UUID customerId) {
        return byCustomer.get(customerId);
    }

    void put(UUID customerId, List<Membership> memberships) {
        byCustomer.put(customerId, memberships);
    }
}
