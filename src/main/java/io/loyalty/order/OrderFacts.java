package io.loyalty.order;

import java.time.Instant;
import java.util.UUID;

/** What packages above order need to know of an order without reading the order tables. */
public record OrderFacts(UUID id, UUID customerId, UUID apiKeyId, UUID partnerId, Instant placedAt, OrderStatus status) {

    static OrderFacts of(Order o) {
        return new OrderFacts(o.id, o.customerId, o.apiKeyId, o.partnerId, o.placedAt, o.status);
    }
}
