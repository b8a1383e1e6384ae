package io.loyalty.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.Ids;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.RequestHash;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerService;
import io.loyalty.ledger.EntryType;
import io.loyalty.ledger.Ledger;
import io.loyalty.reward.RedemptionService;
import io.loyalty.programme.Accrual;
import io.loyalty.programme.EarningRule;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.MembershipService.Account;
import io.loyalty.programme.RuleState;
import io.loyalty.security.Caller;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class OrderService {
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @jakarta.inject.Inject io.loyalty.common.BusinessMetrics metrics;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final CustomerService customers;
    private final MembershipService memberships;
    private final RuleState ruleState;
    private final Ledger ledger;

    private final RedemptionService redemptions;

    OrderService(EntityManager em, ObjectMapper mapper, CustomerService customers, MembershipService memberships,
                 RuleState ruleState, Ledger ledger, RedemptionService redemptions) {
        this.em = em;
        this.redemptions = redemptions;
        this.mapper = mapper;
        this.customers = customers;
        this.memberships = memberships;
        this.ruleState = ruleState;
        this.ledger = ledger;
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
        Order o = Order.findById(id);
        if (o == null) {
            throw Problems.notFound("Order", id);
        }
        return OrderResponse.from(o, lines(o.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrderResponse> list(UUID customerId, Instant from, Instant to, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (customerId != null) {
            q.append(" and customerId = :customer");
            params.and("customer", customerId);
        }
        if (from != null) {
            q.append(" and placedAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            q.append(" and placedAt < :to");
            params.and("to", to);
        }
        if (page.after() != null) {
            q.append(" and id > :after");
            params.and("after", page.after());
        }
        List<Order> rows = Order.<Order>find(q.toString(), Sort.by("id"), params).range(0, page.fetchSize() - 1).list();
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
        em.persist(order);
        lines.forEach(em::persist);
        em.flush();
        metrics.orderAccrued(order.accrual.stream().map(ProgrammeAccrual::programmeId).toList());
        return new Posted(OrderResponse.from(order, lines), true);
    }

    /** Applies every earning rule of every programme the customer earns in. */
    private List<ProgrammeAccrual> accrue(Order order, List<OrderLine> lines, Caller caller) {
        List<Account> accounts = memberships.earningAccounts(order.customerId, order.placedAt).stream()
                .filter(a -> !a.programme().rules.isEmpty())
                .toList();
        for (Account a : accounts) {
            if (!a.programme().currency.equals(order.currency)) {
                throw HttpProblem.builder()
                        .withType(Problems.type("currency-mismatch"))
                        .withStatus(422)
                        .withTitle("Unprocessable Content")
                        .withDetail("The order is in " + order.currency + " but programme '" + a.programme().name
                                + "' (" + a.programme().id + ") earns in " + a.programme().currency
                                + "; convert the order before posting it")
                        .build();
            }
        }
        if (accounts.isEmpty()) {
            return List.of();
        }
        Accrual.OrderFacts facts = new Accrual.OrderFacts(order.placedAt,
                lines.stream().map(l -> new Accrual.Line(l.lineNo, l.sku, l.category, l.quantity, l.amount())).toList(),
                order.subtotal, order.discount);

        List<UUID> membershipIds = accounts.stream().map(a -> a.membership().id).toList();
        // Cap counters are read only when some rule has a cap.
        Set<String> periods = new HashSet<>();
        for (Account a : accounts) {
            if (a.programme().rules.stream().anyMatch(r -> r.capPerDay() != null || r.capPerMonth() != null)) {
                LocalDate day = order.placedAt.atZone(a.programme().zone()).toLocalDate();
                periods.add(Accrual.dayKey(day));
                periods.add(Accrual.monthKey(day));
            }
        }
        Map<UUID, Map<String, Long>> usage = ruleState.usage(membershipIds, periods);

        List<ProgrammeAccrual> result = new ArrayList<>();
        List<Runnable> stateWrites = new ArrayList<>();
        List<Ledger.Credit> credits = new ArrayList<>();
        Ledger.Source source = Ledger.Source.of(caller.apiKeyId(), order.placedAt).order(order.id);
        for (Account a : accounts) {
            var p = a.programme();
            var m = a.membership();
            LocalDate day = order.placedAt.atZone(p.zone()).toLocalDate();
            List<ProgrammeAccrual.Item> items = new ArrayList<>();
            List<ProgrammeAccrual.Stamps> stamps = new ArrayList<>();
            long points = 0;
            for (Accrual.Award award : Accrual.forOrder(p, facts, usage.getOrDefault(m.id, Map.of()))) {
                EarningRule rule = award.rule();
                if (award.amount() > 0 && (rule.capPerDay() != null || rule.capPerMonth() != null)) {
                    stateWrites.add(() -> {
                        ruleState.addUsage(m.id, rule.id(), Accrual.dayKey(day), award.amount());
                        ruleState.addUsage(m.id, rule.id(), Accrual.monthKey(day), award.amount());
                    });
                }
                if (rule.type() == EarningRule.Type.STAMP) {
                    RuleState.StampResult card = ruleState.addStamps(m.id, rule.id(), award.amount(), rule.stampsRequired());
                    List<UUID> issued = new ArrayList<>();
                    for (int c = 0; c < card.cardsCompleted(); c++) {
                        if (rule.rewardId() != null) {
                            issued.add(redemptions.issueForStampCard(m, rule.rewardId(), rule.id(), order.id,
                                    caller.apiKeyId()).id());
                        } else {
                            stateWrites.add(() -> insertEntitlement(m.id, rule, order.id));
                        }
                    }
                    stamps.add(new ProgrammeAccrual.Stamps(rule.id(), award.amount(), card.onCard(), rule.stampsRequired(),
                            card.cardsCompleted(), rule.reward(), issued,
                            award.basisLines() == null ? List.of() : List.of(award.basisLines())));
                } else {
                    if (award.amount() > 0) {
                        credits.add(new Ledger.Credit(m, EntryType.EARN, award.amount(),
                                order.placedAt.plus(Duration.ofDays(p.pendingDays)),
                                p.expiry.expiresAt(order.placedAt, p.zone()),
                                source.rule(rule.id(), award.basisLines())));
                    }
                    points += award.amount();
                    items.add(new ProgrammeAccrual.Item(rule.id(), rule.type(), award.amount(), award.capped()));
                }
            }
            if (m.lastOrderAt == null || m.lastOrderAt.isBefore(order.placedAt)) {
                m.lastOrderAt = order.placedAt;
            }
            result.add(new ProgrammeAccrual(p.id, p.name, points, items, stamps, 0));
        }
        ledger.credit(credits);
        // The balance after the order, now that every credit (and any debt repayment) is applied.
        for (int i = 0; i < result.size(); i++) {
            ProgrammeAccrual a = result.get(i);
            result.set(i, new ProgrammeAccrual(a.programmeId(), a.programmeName(), a.points(), a.items(), a.stamps(),
                    accounts.get(i).membership().balance));
        }
        stateWrites.forEach(Runnable::run);
        return result;
    }

    private void insertEntitlement(UUID membershipId, EarningRule rule, UUID orderId) {
        em.createNativeQuery("""
                        INSERT INTO entitlement (id, membership_id, rule_id, order_id, reward, status, created_at)
                        VALUES (:id, :m, :r, :o, :reward, 'AVAILABLE', :now)""")
                .setParameter("id", Ids.newId())
                .setParameter("m", membershipId)
                .setParameter("r", rule.id())
                .setParameter("o", orderId)
                .setParameter("reward", rule.reward())
                .setParameter("now", Timestamps.now())
                .executeUpdate();
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
            if (!customers.exists(r.customerId())) {
                throw unknownCustomer("Customer " + r.customerId() + " does not exist");
            }
            return r.customerId();
        }
        if (r.customerExternalId() != null) {
            return customers.idByExternalId(r.customerExternalId()).orElseThrow(() -> unknownCustomer(
                    "No customer has externalId '" + r.customerExternalId() + "'; register it or send `customer`"));
        }
        return customers.upsert(r.customer());
    }

    private static HttpProblem unknownCustomer(String detail) {
        return HttpProblem.builder().withType(Problems.type("unknown-customer")).withStatus(422)
                .withTitle("Unprocessable Content").withDetail(detail).build();
    }

    List<OrderLine> lines(UUID orderId) {
        return OrderLine.list("orderId = ?1 order by lineNo", orderId);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
