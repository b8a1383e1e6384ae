package io.loyalty.reward;

import java.util.Optional;
import java.util.UUID;

/**
 * What the reward package needs to know of an order, implemented by the order package: orders sit above
 * rewards in the package stack, so rewards ask through this interface instead of reading orders.
 */
public interface OrderLookup {

    /** The facts of an order a redemption is checked against; {@code partnerId}: the partner it was placed with. */
    record OrderFacts(UUID id, UUID customerId, UUID partnerId) {
    }

    Optional<OrderFacts> find(UUID orderId);
}
