package io.loyalty.order;

import io.loyalty.common.Ids;
import io.loyalty.common.NativeSql;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.customer.CustomerService;
import io.loyalty.game.GameRules;
import io.loyalty.game.Gamification;
import io.loyalty.ledger.EarningService;
import io.loyalty.order.OrderService.Posted;
import io.loyalty.programme.Accrual;
import io.loyalty.programme.EarningRule;
import io.loyalty.programme.MembershipService;
import io.loyalty.reward.ProgrammeIssuer;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records orders, with what they earn, in the caller's transaction: one order at a time, or a batch of them
 * (see {@link OrderWriter}), whose order and line rows are then inserted together at the end with one multi-row
 * statement per table ({@link OrderRows}), and the rest (ledger, memberships) flushed by the persistence context.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class OrderRecorder {
    /** The longest a batch waits for a lock: longer, and its orders are better written on their own. */
    static final String LOCK_TIMEOUT = "500ms";

    private final EntityManager em;
    private final CustomerService customers;
    private final CustomerLookup lookup;
    private final EarningService earning;
    private final ProgrammeIssuer redemptions;
    private final Gamification gamification;
    private final MembershipService memberships;

    OrderRecorder(EntityManager em, CustomerService customers, CustomerLookup lookup, EarningService earning,
                  ProgrammeIssuer redemptions, Gamification gamification, MembershipService memberships) {
        this.em = em;
        this.memberships = memberships;
        this.customers = customers;
        this.lookup = lookup;
        this.earning = earning;
        this.redemptions = redemptions;
        this.gamification = gamification;
    }

    /** Records one order and writes it. */
    Posted recordOne(OrderRequest request, byte[] hash, Caller caller) {
        Rows rows = new Rows();
        Posted posted = record(request, hash, caller, new HashSet<>(), Map.of(), rows);
        rows.write();
        return posted;
    }

    /**
     * The order and line rows of a batch, inserted at the end, all orders and then all lines, with plain JDBC
     * ({@link OrderRows}); the references to them (ledger entries, draws) are checked at commit.
     */
    private final class Rows {
        private final List<Order> orders = new ArrayList<>();
        private final List<OrderLine> lines = new ArrayList<>();

        void add(Order order, List<OrderLine> orderLines) {
            orders.add(order);
            lines.addAll(orderLines);
        }

        /** Inserts what is pending and writes everything the persistence context holds. */
        void write() {
            if (!orders.isEmpty()) {
                em.unwrap(Session.class).doWork(c -> OrderRows.insert(c, orders, lines));
                orders.clear();
                lines.clear();
            }
            em.flush();
        }
    }

    /**
     * Records the orders in turn and writes them all at the end, in a transaction that waits for no lock longer than
     * {@link #LOCK_TIMEOUT} (a batch that would, fails, and its orders are written on their own). Left out (as null),
     * for the caller to write on their own: orders whose externalId the key already used (answered as replays or
     * conflicts), and orders whose customer is not known by id or externalId as the batch begins (an inline or an
     * unknown customer), whose memberships could not be locked ahead with the others'. An order that fails fails the
     * batch with {@link io.loyalty.common.BatchWriter.Failed}, which names it.
     */
    List<Posted> recordAll(List<OrderRequest> requests, List<byte[]> hashes, List<Caller> callers) {
        NativeSql.beginBatch(em, LOCK_TIMEOUT);
        Set<String> known = alreadyPosted(requests, callers);
        Map<String, UUID> byExternalId = lookup.idsByExternalIds(requests.stream()
                .map(OrderRequest::customerExternalId).filter(java.util.Objects::nonNull).distinct().toList());
        UUID[] customerOf = new UUID[requests.size()];
        Map<UUID, Instant> firstOrder = new java.util.LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            OrderRequest r = requests.get(i);
            customerOf[i] = r.customerId() != null ? r.customerId()
                    : r.customerExternalId() != null ? byExternalId.get(r.customerExternalId()) : null;
            if (known.contains(callers.get(i).apiKeyId() + " " + r.externalId())) {
                customerOf[i] = null;
            }
            if (customerOf[i] != null && (r.accrue() == null || r.accrue())) {
                firstOrder.putIfAbsent(customerOf[i], r.placedAt().toInstant());
            }
        }
        memberships.lockForEarning(firstOrder);
        Set<UUID> seen = new HashSet<>();
        Rows rows = new Rows();
        List<Posted> result = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            if (customerOf[i] == null) {
                result.add(null);
                continue;
            }
            try {
                result.add(record(requests.get(i), hashes.get(i), callers.get(i), seen, byExternalId, rows));
            } catch (RuntimeException e) {
                throw new io.loyalty.common.BatchWriter.Failed(i, e);
            }
        }
        rows.write();
        return result;
    }

    /**
     * "apiKeyId externalId" of the requests already stored: one query per key, usually one in all. One index probe
     * per externalId, forced by the LATERAL ... LIMIT 1: written as {@code external_id IN (...)}, PostgreSQL read
     * every order of the key whenever its statistics still believed the key had none (a new key on a large table),
     * 128 ms a batch with 44,000 orders of the key on the 10-million-order store.
     */
    private Set<String> alreadyPosted(List<OrderRequest> requests, List<Caller> callers) {
        Map<UUID, List<String>> byKey = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byKey.computeIfAbsent(callers.get(i).apiKeyId(), k -> new ArrayList<>()).add(requests.get(i).externalId());
        }
        Set<String> known = new HashSet<>();
        byKey.forEach((key, externalIds) -> NativeSql.touching(em.createNativeQuery("""
                        SELECT x.e FROM unnest(CAST(:e AS text[])) AS x(e)
                        CROSS JOIN LATERAL (SELECT 1 FROM orders o WHERE o.api_key_id = :k AND o.external_id = x.e LIMIT 1) f"""),
                        "orders")
                .setParameter("k", key).setParameter("e", externalIds.toArray(String[]::new))
                .getResultList().forEach(e -> known.add(key + " " + e)));
        return known;
    }

    /**
     * Records an order, leaving its order and line rows to {@code rows}. No look-up of the externalId first: the unique
     * key decides, at the flush. A repeated order therefore does its work and rolls back before being answered from
     * the stored one, which keeps the usual case (a new order) one round trip shorter.
     */
    private Posted record(OrderRequest request, byte[] hash, Caller caller, Set<UUID> customersBefore,
                          Map<String, UUID> byExternalId, Rows rows) {
        Instant placedAt = request.placedAt().toInstant();
        BigDecimal subtotal = OrderService.validateAmounts(request, placedAt);
        UUID customerId = resolveCustomer(request, byExternalId);
        if (!customersBefore.add(customerId)) {
            // An earlier order of this batch was the same customer's: what it wrote must be in the database before
            // this one reads the customer's state with SQL.
            rows.write();
        }
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
        order.discount = OrderService.orZero(request.discount());
        order.shipping = OrderService.orZero(request.shipping());
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
        rows.add(order, lines);
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

    java.util.Optional<Posted> replay(String externalId, byte[] hash, Caller caller) {
        return Order.<Order>find("apiKeyId = ?1 and externalId = ?2", caller.apiKeyId(), externalId)
                .firstResultOptional()
                .map(existing -> {
                    if (!Arrays.equals(existing.requestHash, hash)) {
                        throw Problems.conflict("order-conflict", "Order " + externalId + " was already posted ("
                                + existing.id + ") with different content; use a new externalId for a new order");
                    }
                    return new Posted(OrderResponse.from(existing, OrderLine.list("orderId = ?1 order by lineNo", existing.id)), false);
                });
    }

    /** @param byExternalId customers looked up ahead, for a batch */
    private UUID resolveCustomer(OrderRequest r, Map<String, UUID> byExternalId) {
        int named = (r.customerId() != null ? 1 : 0) + (r.customerExternalId() != null ? 1 : 0) + (r.customer() != null ? 1 : 0);
        if (named != 1) {
            throw Problems.invalid(List.of(new Problem.Violation("customerId", "body",
                    "exactly one of customerId, customerExternalId and customer is required")));
        }
        if (r.customerId() != null) {
            lookup.requireKnown(r.customerId());
            return r.customerId();
        }
        if (r.customerExternalId() != null && byExternalId.containsKey(r.customerExternalId())) {
            return byExternalId.get(r.customerExternalId());
        }
        if (r.customerExternalId() != null) {
            return lookup.idByExternalId(r.customerExternalId()).orElseThrow(() -> CustomerLookup.unknown(
                    "No customer has externalId '" + r.customerExternalId() + "'; register it or send `customer`"));
        }
        return customers.upsert(r.customer());
    }

    private static java.util.Set<String> categories(List<OrderLine> lines) {
        java.util.Set<String> result = new java.util.TreeSet<>();
        lines.stream().map(l -> l.category).filter(java.util.Objects::nonNull).forEach(result::add);
        return result;
    }

}
