package io.loyalty.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.RequestHash;
import io.loyalty.common.error.Problems;
import io.loyalty.programme.ProgrammeCatalog;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class OrderService {
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final OrderWriter writer;
    private final ProgrammeCatalog programmes;

    OrderService(EntityManager em, ObjectMapper mapper, OrderWriter writer, ProgrammeCatalog programmes) {
        this.em = em;
        this.programmes = programmes;
        this.mapper = mapper;
        this.writer = writer;
    }

    /** The stored order, and whether this call created it or replayed an earlier identical one. */
    public record Posted(OrderResponse order, boolean created) {
    }

    /**
     * Stores an order and accrues it, in one transaction, usually together with the other orders posted at the same
     * time ({@link OrderWriter}); it is answered once that transaction has committed. The same externalId from the
     * same client again is answered from the first time when the body is the same, and refused when it differs; two
     * identical posts racing each other end with one order, the loser being answered as a replay.
     */
    @Transactional(Transactional.TxType.NEVER)
    public Posted post(OrderRequest request, Caller caller) {
        byte[] hash = RequestHash.of(mapper, request);
        // What bean validation cannot check, checked here so that a bad order never reaches a batch.
        validateAmounts(request, request.placedAt().toInstant());
        // The active programmes are loaded, when their cache is cold, in a transaction of their own: here, before the
        // order holds a connection, rather than inside it, where under load every pooled connection could be held by
        // orders waiting for that one load to get a connection of its own.
        programmes.active();
        return writer.post(request, hash, caller);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderResponse get(UUID id) {
        return get(id, null);
    }

    /** A PARTNER key sees only orders placed with its partner: another's is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderResponse get(UUID id, Caller caller) {
        Order o = Order.findById(id);
        if (o == null || (caller != null && !caller.sees(o.partnerId))) {
            throw Problems.notFound("Order", id);
        }
        return OrderResponse.from(o, lines(o.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<OrderFacts> facts(UUID id) {
        return Order.<Order>findByIdOptional(id).map(OrderFacts::of);
    }

    /** The order the key posted or imported under this externalId, if any (externalIds are unique per key). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<OrderFacts> factsByExternalId(UUID apiKeyId, String externalId) {
        return Order.<Order>find("apiKeyId = ?1 and externalId = ?2", apiKeyId, externalId).firstResultOptional()
                .map(OrderFacts::of);
    }

    /** The customer's earliest order by placedAt (ties by id), if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<OrderFacts> firstOrder(UUID customerId) {
        return Order.<Order>find("customerId = ?1 order by placedAt, id", customerId).firstResultOptional()
                .map(OrderFacts::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrderResponse> list(UUID customerId, Instant from, Instant to, PageRequest page) {
        return list(customerId, from, to, page, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrderResponse> list(UUID customerId, Instant from, Instant to, PageRequest page, Caller caller) {
        List<Order> rows = Keyset.where()
                .and("partnerId = :partner", "partner", caller == null ? null : caller.scope())
                .and("customerId = :customer", "customer", customerId)
                .and("placedAt >= :from", "from", from)
                .and("placedAt < :to", "to", to)
                .fetch(em, Order.class, page);
        Map<UUID, List<OrderLine>> lines = new HashMap<>();
        if (!rows.isEmpty()) {
            List<UUID> ids = rows.stream().map(o -> o.id).toList();
            for (OrderLine l : OrderLine.<OrderLine>list("orderId in ?1 order by orderId, lineNo", ids)) {
                lines.computeIfAbsent(l.orderId, k -> new ArrayList<>()).add(l);
            }
        }
        return Page.of(rows, page.limit(), o -> o.id, o -> OrderResponse.from(o, lines.getOrDefault(o.id, List.of())));
    }

    /** Checks what bean validation cannot: the total, the currency code and the date. @return the subtotal */
    static BigDecimal validateAmounts(OrderRequest r, Instant placedAt) {
        if (placedAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw Problems.invalidField("placedAt", "body", "must not be in the future");
        }
        BigDecimal subtotal = r.lines().stream()
                .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discount = orZero(r.discount());
        if (discount.compareTo(subtotal) > 0) {
            throw Problems.invalidField("discount", "body", "must not exceed the sum of the lines (" + subtotal + ")");
        }
        BigDecimal expected = subtotal.subtract(discount).add(orZero(r.shipping()));
        if (expected.compareTo(r.total()) != 0) {
            throw Problems.invalidField("total", "body", "must equal lines " + subtotal.toPlainString() + " - discount "
                    + discount.toPlainString() + " + shipping " + orZero(r.shipping()).toPlainString() + " = "
                    + expected.toPlainString());
        }
        try {
            java.util.Currency.getInstance(r.currency());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("currency", "body", "is not an ISO-4217 currency code");
        }
        return subtotal;
    }

    List<OrderLine> lines(UUID orderId) {
        return OrderLine.list("orderId = ?1 order by lineNo", orderId);
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
