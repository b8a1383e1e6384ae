package io.loyalty.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.BusinessMetrics;
import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.RequestHash;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerService;
import io.loyalty.game.GameRules;
import io.loyalty.game.Gamification;
import io.loyalty.ledger.EarningService;
import io.loyalty.reward.ProgrammeIssuer;
import io.loyalty.programme.Accrual;
import io.loyalty.programme.EarningRule;
import io.loyalty.programme.ProgrammeCatalog;
import io.loyalty.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final CustomerService customers;
    private final EarningService earning;
    private final ProgrammeIssuer redemptions;
    private final BusinessMetrics metrics;
    private final Gamification gamification;
    private final ProgrammeCatalog programmes;

    OrderService(EntityManager em, ObjectMapper mapper, CustomerService customers, EarningService earning,
                 ProgrammeIssuer redemptions, BusinessMetrics metrics, Gamification gamification,
                 ProgrammeCatalog programmes) {
        this.em = em;
        this.programmes = programmes;
        this.gamification = gamification;
        this.metrics = metrics;
        this.mapper = mapper;
        this.customers = customers;
        this.earning = earning;
        this.redemptions = redemptions;
    }

    /** The stored order, and whether this call created it or replayed an earlier identical one. */
    public record Posted(OrderResponse order, boolean created) {
    }

    /**
     * Stores an order and accrues it, all in one transaction. The same externalId from the same client
     * again is answered from the first time when the body is the same, and refused when it differs; two
     * identical posts racing each other end with one order, the loser being answered as a replay.
     */
    @Transactional(Transactional.TxType.NEVER)
    public Posted post(OrderRequest request, Caller caller) {
        byte[] hash = RequestHash.of(mapper, request);
        // The active programmes are loaded, when their cache is cold, in a transaction of their own: here, before the
        // order holds a connection, rather than inside it, where under load every pooled connection could be held by
        // orders waiting for that one load to get a connection of its own.
        programmes.active();
        try {
            return QuarkusTransaction.requiringNew().call(() -> postInTransaction(request, hash, caller));
        } catch (RuntimeException e) {
            if (Problems.violatedConstraint(e).filter("orders_external_id_unique"::equals).isEmpty()) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> replay(request.externalId(), hash, caller)
                    .orElseThrow(() -> e));
        }
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

    /**
     * No look-up of the externalId first: the unique key decides, at the final flush. A repeated order
     * therefore does its work and rolls back before being answered from the stored one, which keeps
     * the usual case (a new order) one round trip shorter.
     */
    private Posted postInTransaction(OrderRequest request, byte[] hash, Caller caller) {
        Instant placedAt = request.placedAt().toInstant();
        BigDecimal subtotal = validateAmounts(request, placedAt);
        UUID customerId = resolveCustomer(request);
        boolean accrue = request.accrue() == null || request.accrue();

        Order order = new Order();
        order.id = Ids.newId();
        order.apiKeyId = caller.apiKeyId();
        order.externalId = request.externalId();
        order.customerId = customerId;
        order.placedAt = placedAt;
        order.currency = request.currency();
        order.channel = request.channel();
        order.partnerId = caller.scope();
        order.subtotal = subtotal;
        order.discount = orZero(request.discount());
        order.shipping = orZero(request.shipping());
        order.total = request.total();
        order.returnedAmount = BigDecimal.ZERO;
        order.status = OrderStatus.PLACED;
        order.accrue = accrue;
        order.requestHash = hash;
        order.createdAt = Timestamps.now();

        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            OrderRequest.Line in = request.lines().get(i);
            OrderLine line = new OrderLine();
            line.orderId = order.id;
            line.lineNo = i + 1;
            line.sku = in.sku();
            line.name = in.name();
            line.category = in.category();
            line.quantity = in.quantity();
            line.unitPrice = in.unitPrice();
            lines.add(line);
        }
        order.accrual = accrue ? accrue(order, lines, caller) : List.of();
        order.gamification = accrue ? gamification.play(new GameRules.OrderFacts(order.id, customerId, order.externalId,
                placedAt, order.currency, subtotal.subtract(order.discount), categories(lines)), caller.apiKeyId()) : null;
        em.persist(order);
        lines.forEach(em::persist);
        em.flush();
        metrics.orderAccrued(order.accrual.stream().map(AccrualSnapshot::programmeId).toList());
        return new Posted(OrderResponse.from(order, lines), true);
    }

    /** Applies every earning rule of every programme the customer earns in; what it gave is stored with the order. */
    private List<AccrualSnapshot> accrue(Order order, List<OrderLine> lines, Caller caller) {
        Accrual.OrderFacts facts = new Accrual.OrderFacts(order.placedAt,
                lines.stream().map(l -> new Accrual.Line(l.lineNo, l.sku, l.category, l.quantity, l.amount())).toList(),
                order.subtotal, order.discount);
        List<AccrualSnapshot> result = new ArrayList<>();
        for (EarningService.ProgrammeEarning earned : earning.forOrder(order.customerId, order.id, order.currency, facts,
                caller.apiKeyId(), order.partnerId, (m, rule) -> redemptions.issueForStampCard(m, rule.rewardId(), rule.id(), order.id,
                        caller.apiKeyId()).id())) {
            List<AccrualSnapshot.Item> items = new ArrayList<>();
            List<AccrualSnapshot.Stamps> stamps = new ArrayList<>();
            for (EarningService.RuleEarning r : earned.rules()) {
                EarningRule rule = r.rule();
                if (r.card() != null) {
                    stamps.add(new AccrualSnapshot.Stamps(rule.id(), r.amount(), r.card().onCard(), rule.stampsRequired(),
                            r.card().cardsCompleted(), rule.reward(), r.redemptionIds(),
                            r.basisLines() == null ? List.of() : List.of(r.basisLines())));
                } else {
                    items.add(new AccrualSnapshot.Item(rule.id(), rule.type(), r.amount(), r.capped()));
                }
            }
            result.add(new AccrualSnapshot(earned.programme().id, earned.programme().name, earned.points(), items, stamps,
                    earned.balance(), earned.multiplier() == null ? null : io.loyalty.tier.Standing.plain(earned.multiplier()),
                    earned.tier()));
        }
        return result;
    }

    private java.util.Optional<Posted> replay(String externalId, byte[] hash, Caller caller) {
        return Order.<Order>find("apiKeyId = ?1 and externalId = ?2", caller.apiKeyId(), externalId)
                .firstResultOptional()
                .map(existing -> {
                    if (!Arrays.equals(existing.requestHash, hash)) {
                        throw Problems.conflict("order-conflict", "Order " + externalId + " was already posted ("
                                + existing.id + ") with different content; use a new externalId for a new order");
                    }
                    return new Posted(OrderResponse.from(existing, lines(existing.id)), false);
                });
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

    private UUID resolveCustomer(OrderRequest r) {
        int named = (r.customerId() != null ? 1 : 0) + (r.customerExternalId() != null ? 1 : 0) + (r.customer() != null ? 1 : 0);
        if (named != 1) {
            throw Problems.invalid(List.of(new Problem.Violation("customerId", "body",
                    "exactly one of customerId, customerExternalId and customer is required")));
        }
        if (r.customerId() != null) {
            customers.requireKnown(r.customerId());
            return r.customerId();
        }
        if (r.customerExternalId() != null) {
            return customers.idByExternalId(r.customerExternalId()).orElseThrow(() -> CustomerService.unknown(
                    "No customer has externalId '" + r.customerExternalId() + "'; register it or send `customer`"));
        }
        return customers.upsert(r.customer());
    }

    private static java.util.Set<String> categories(List<OrderLine> lines) {
        java.util.Set<String> result = new java.util.TreeSet<>();
        lines.stream().map(l -> l.category).filter(java.util.Objects::nonNull).forEach(result::add);
        return result;
    }

    List<OrderLine> lines(UUID orderId) {
        return OrderLine.list("orderId = ?1 order by lineNo", orderId);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
