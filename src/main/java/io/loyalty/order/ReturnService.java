package io.loyalty.order;

import io.loyalty.common.Idempotency;
import io.loyalty.common.Ids;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.game.Gamification;
import io.loyalty.ledger.Ledger;
import io.loyalty.ledger.ReversalService;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.RuleState;
import io.loyalty.security.Caller;
import io.loyalty.tier.TierService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Returns reverse what the returned part of an order earned: points and stamps, in proportion to how much of
 * the lines they were based on has come back, as {@link Proration} works out. Points that were already spent
 * leave a debt, stamps that already completed a card a stamp debt.
 */
@ApplicationScoped
@Transactional
public class ReturnService {

    private final EntityManager em;
    private final ReversalService reversal;
    private final Idempotency idempotency;
    private final RuleState ruleState;
    private final MembershipService memberships;
    private final TierService tiers;
    private final Gamification gamification;

    ReturnService(EntityManager em, ReversalService reversal, Idempotency idempotency, RuleState ruleState,
                  MembershipService memberships, TierService tiers, Gamification gamification) {
        this.tiers = tiers;
        this.em = em;
        this.gamification = gamification;
        this.reversal = reversal;
        this.memberships = memberships;
        this.idempotency = idempotency;
        this.ruleState = ruleState;
    }

    public Idempotency.Outcome<ReturnResponse> returnItems(UUID orderId, ReturnRequest request, String key, Caller caller) {
        if ((request.lines() == null) == (request.amount() == null)) {
            throw Problems.invalidField("lines", "body", "or amount is required, not both");
        }
        return idempotency.once(caller.apiKeyId(), "return:" + orderId, key, request, ReturnResponse.class,
                () -> apply(orderId, request, caller));
    }

    private ReturnResponse apply(UUID orderId, ReturnRequest request, Caller caller) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !caller.sees(order.partnerId)) {
            throw Problems.notFound("Order", orderId);
        }
        if (order.status == OrderStatus.RETURNED) {
            throw Problems.unprocessable("order-returned", "Order " + orderId + " has been returned in full already");
        }
        List<OrderLine> lines = OrderLine.list("orderId = ?1 order by lineNo", orderId);
        BigDecimal netOfDiscount = order.subtotal.subtract(order.discount);
        BigDecimal refund;
        List<ReturnSnapshot.Line> returned = new ArrayList<>();
        if (request.lines() != null) {
            Map<Integer, Integer> quantities = new LinkedHashMap<>();
            for (ReturnRequest.Line in : request.lines()) {
                OrderLine line = resolve(lines, in);
                quantities.merge(line.lineNo, in.quantity(), Integer::sum);
            }
            BigDecimal value = BigDecimal.ZERO;
            for (var e : quantities.entrySet()) {
                OrderLine line = lines.get(e.getKey() - 1);
                if (line.returnedQuantity + e.getValue() > line.quantity) {
                    throw Problems.unprocessable("return-exceeds-order", "Line " + line.lineNo + " (" + line.sku + ") had "
                            + line.quantity + ", " + line.returnedQuantity + " already returned; cannot return "
                            + e.getValue() + " more");
                }
                line.returnedQuantity += e.getValue();
                value = value.add(line.unitPrice.multiply(BigDecimal.valueOf(e.getValue())));
                returned.add(new ReturnSnapshot.Line(line.lineNo, line.sku, e.getValue()));
            }
            refund = order.subtotal.signum() == 0 ? BigDecimal.ZERO
                    : value.multiply(netOfDiscount).divide(order.subtotal, 4, RoundingMode.HALF_EVEN);
        } else {
            refund = request.amount();
        }
        BigDecimal left = netOfDiscount.subtract(order.returnedAmount);
        if (refund.compareTo(left) > 0) {
            throw Problems.unprocessable("return-exceeds-order", "Only " + left.toPlainString() + " " + order.currency
                    + " of order " + orderId + " is left to return");
        }
        boolean allLinesBack = lines.stream().allMatch(l -> l.returnedQuantity == l.quantity);
        order.returnedAmount = allLinesBack ? netOfDiscount : order.returnedAmount.add(refund);
        boolean full = allLinesBack || order.returnedAmount.compareTo(netOfDiscount) >= 0;
        order.status = full ? OrderStatus.RETURNED : OrderStatus.PARTIALLY_RETURNED;

        OrderReturn ret = new OrderReturn();
        ret.id = Ids.newId();
        ret.orderId = orderId;
        ret.amount = refund;
        ret.lines = returned;
        ret.reason = request.reason();
        ret.apiKeyId = caller.apiKeyId();
        ret.createdAt = Timestamps.now();
        Proration proration = Proration.of(order, lines, full);
        ret.stamps = order.accrue ? reverseStamps(order, proration) : List.of();
        em.persist(ret);
        if (full && order.gamification != null) {
            gamification.orderReturned(order.id, order.customerId, ret.id, caller.apiKeyId());
        }

        List<ReversalService.Reversed> reversed = !order.accrue ? List.of() : reversal.reverseOrder(order.id,
                order.placedAt, Ledger.Source.of(caller.apiKeyId(), ret.createdAt).order(order.id).returned(ret.id)
                        .partner(order.partnerId),
                proration::points);
        if (order.accrue) {
            Map<UUID, Long> points = new HashMap<>();
            reversed.forEach(r -> points.merge(r.programmeId(), r.points(), Long::sum));
            tiers.orderReturned(order.id, ret.id, refund, points, caller.apiKeyId());
        }
        List<ReturnResponse.Reversal> reversals = reversed.stream()
                .map(r -> new ReturnResponse.Reversal(r.programmeId(), r.points(), r.balance())).toList();
        em.flush();
        return new ReturnResponse(ret.id, orderId, refund, ReturnSnapshot.lines(returned), ret.reason, order.status,
                reversals, ReturnSnapshot.stamps(ret.stamps), ret.createdAt);
    }

    /** Takes back the stamps of the returned units, per STAMP rule, as {@link Proration#stamps} says. */
    private List<ReturnSnapshot.StampReversal> reverseStamps(Order order, Proration proration) {
        if (order.accrual == null || order.accrual.stream().allMatch(a -> a.stamps() == null || a.stamps().isEmpty())) {
            return List.of();
        }
        Map<String, Long> already = new HashMap<>();
        for (OrderReturn earlier : OrderReturn.<OrderReturn>list("orderId", order.id)) {
            if (earlier.stamps != null) {
                earlier.stamps.forEach(r -> already.merge(r.programmeId() + "|" + r.ruleId(), r.stamps(), Long::sum));
            }
        }
        List<ReturnSnapshot.StampReversal> result = new ArrayList<>();
        for (AccrualSnapshot accrual : order.accrual) {
            for (AccrualSnapshot.Stamps s : accrual.stamps() == null ? List.<AccrualSnapshot.Stamps>of() : accrual.stamps()) {
                long now = proration.stamps(s.earned(),
                        already.getOrDefault(accrual.programmeId() + "|" + s.ruleId(), 0L), s.lineNos());
                if (now <= 0) {
                    continue;
                }
                UUID membershipId = memberships.membershipId(accrual.programmeId(), order.customerId).orElseThrow();
                RuleState.StampRemoval card = ruleState.removeStamps(membershipId, s.ruleId(), now);
                ruleState.giveBackUsage(membershipId, s.ruleId(), ReversalService.day(order.placedAt, accrual.programmeId()), now);
                result.add(new ReturnSnapshot.StampReversal(accrual.programmeId(), s.ruleId(), now, card.onCard(),
                        card.debt()));
            }
        }
        return result;
    }

    private static OrderLine resolve(List<OrderLine> lines, ReturnRequest.Line in) {
        if (in.lineNo() != null) {
            if (in.lineNo() > lines.size()) {
                throw Problems.invalidField("lines.lineNo", "body", "line " + in.lineNo() + " is not on the order");
            }
            return lines.get(in.lineNo() - 1);
        }
        if (in.sku() == null) {
            throw Problems.invalidField("lines.lineNo", "body", "or sku is required for each returned line");
        }
        List<OrderLine> matching = lines.stream().filter(l -> l.sku.equals(in.sku())).toList();
        if (matching.size() != 1) {
            throw Problems.invalidField("lines.sku", "body", matching.isEmpty()
                    ? "'" + in.sku() + "' is not on the order" : "'" + in.sku() + "' is on several lines; use lineNo");
        }
        return matching.get(0);
    }
}
