package io.loyalty.order;

import io.loyalty.reward.OrderLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Answers the reward package's questions about orders, which it may not read itself (it sits below order). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RewardOrderLookup implements OrderLookup {

    @Override
    public Optional<OrderFacts> find(UUID orderId) {
        return Order.<Order>findByIdOptional(orderId).map(o -> new OrderFacts(o.id, o.customerId, o.partnerId));
    }
}
