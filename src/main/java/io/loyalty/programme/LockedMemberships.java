package io.loyalty.programme;

import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The memberships a transaction locked ahead for a batch of orders ({@link MembershipService#lockForEarning}), by
 * customer, with the active programmes they were locked for: found here, they need not be locked again order by order.
 */
@TransactionScoped
class LockedMemberships implements Serializable {
    private record Locked(List<UUID> programmeIds, List<Membership> memberships) {
    }

    private final Map<UUID, Locked> byCustomer = new HashMap<>();

    /** @return the customer's memberships locked ahead in these programmes, or null when not locked ahead for them */
    List<Membership> of(UUID customerId, List<UUID> programmeIds) {
        Locked locked = byCustomer.get(customerId);
        return locked != null && locked.programmeIds().equals(programmeIds) ? locked.memberships() : null;
    }

    void put(UUID customerId, List<UUID> programmeIds, List<Membership> memberships) {
        byCustomer.put(customerId, new Locked(programmeIds, memberships));
    }
}
