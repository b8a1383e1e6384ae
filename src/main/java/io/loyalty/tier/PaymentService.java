package io.loyalty.tier;

import io.loyalty.common.Idempotency;
import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.programme.Membership;
import io.loyalty.programme.MembershipFee;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.Programme;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Membership fees: payments extend the paid time, refunds end what a payment bought, cancellations stop it at a
 * date. Every change runs under the membership lock, so concurrent payments of one member queue and chain.
 */
@ApplicationScoped
@Transactional
public class PaymentService {
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String COLUMNS = """
            SELECT id, amount, currency, period, paid_at, covers_from, covers_to, reference, refunded_at, refunded_amount,
                   refund_reason, created_at FROM membership_payment""";

    private final EntityManager em;
    private final Idempotency idempotency;
    private final TierStore store;
    private final MemberStatusService statuses;
    private final MembershipService memberships;
    private final CustomerLookup customers;

    PaymentService(EntityManager em, Idempotency idempotency, TierStore store, MemberStatusService statuses,
                   MembershipService memberships, CustomerLookup customers) {
        this.em = em;
        this.idempotency = idempotency;
        this.store = store;
        this.statuses = statuses;
        this.memberships = memberships;
        this.customers = customers;
    }

    public Idempotency.Outcome<PaymentResponse> pay(UUID programmeId, UUID customerId, PaymentRequest request, String key,
                                                    Caller caller) {
        return idempotency.once(caller.apiKeyId(), "membership-payment:" + programmeId + ":" + customerId, key, request,
                PaymentResponse.class, () -> record(programmeId, customerId, request, caller));
    }

    private PaymentResponse record(UUID programmeId, UUID customerId, PaymentRequest request, Caller caller) {
        customers.requireNotErased(customerId);
        Programme p = feeProgramme(programmeId);
        MembershipFee fee = p.fee;
        Instant now = Timestamps.now();
        Instant paidAt = request.paidAt() == null ? now : request.paidAt().toInstant();
        if (paidAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw Problems.invalidField("paidAt", "body", "must not be in the future");
        }
        if (!fee.currency().equals(request.currency())) {
            throw Problems.unprocessable("currency-mismatch", "The fee of programme " + programmeId + " is paid in "
                    + fee.currency() + ", not " + request.currency());
        }
        if (fee.amount().compareTo(request.amount()) != 0) {
            throw Problems.unprocessable("fee-amount", "The fee of programme " + programmeId + " is "
                    + fee.amount().toPlainString() + " " + fee.currency() + " per " + fee.period());
        }
        memberships.enrol(programmeId, customerId);
        Membership m = memberships.lockedMembership(programmeId, customerId);
        MemberStatus s = store.status(m);
        Instant from = PaidPeriods.nextStart(store.covers(m.id), s.cancelAt, paidAt);
        Instant to = fee.periodEnd(from, p.zone());
        s.cancelAt = null;
        s.cancelReason = null;
        UUID id = Ids.newId();
        em.createNativeQuery("""
                        INSERT INTO membership_payment (id, membership_id, amount, currency, period, paid_at, covers_from,
                            covers_to, bought_to, reference, api_key_id, created_at)
                        VALUES (:id, :m, :a, :c, :p, :paid, :from, :to, :to, :ref, :k, :now)""")
                .setParameter("id", id).setParameter("m", m.id).setParameter("a", request.amount())
                .setParameter("c", fee.currency()).setParameter("p", fee.period()).setParameter("paid", paidAt)
                .setParameter("from", from).setParameter("to", to).setParameter("ref", request.reference())
                .setParameter("k", caller.apiKeyId()).setParameter("now", now)
                .executeUpdate();
        return get(p.id, customerId, m.id, id);
    }

    /** Refunds a payment: its period ends now (or never starts); refunding it again changes nothing. */
    public PaymentResponse refund(UUID programmeId, UUID customerId, UUID paymentId, RefundRequest request) {
        Programme p = MemberStatusService.programme(programmeId);
        customers.requireExists(customerId);
        UUID membershipId = memberships.membershipId(programmeId, customerId)
                .orElseThrow(() -> Problems.notFound("Payment", paymentId));
        Membership m = memberships.lockedMembership(programmeId, customerId);
        PaymentResponse payment = get(p.id, customerId, membershipId, paymentId);
        if (payment.refundedAt() != null) {
            return payment;
        }
        BigDecimal amount = request.amount() == null ? payment.amount() : request.amount();
        if (amount.compareTo(payment.amount()) > 0) {
            throw Problems.unprocessable("refund-exceeds-payment", "Payment " + paymentId + " was "
                    + payment.amount().toPlainString() + " " + payment.currency() + "; cannot refund " + amount.toPlainString());
        }
        Instant now = Timestamps.now();
        Instant end = PaidPeriods.refundedEnd(new PaidPeriods.Cover(payment.coversFrom(), payment.coversTo()), now);
        em.createNativeQuery("""
                        UPDATE membership_payment SET refunded_at = :now, refunded_amount = :a, refund_reason = :r, covers_to = :end
                        WHERE id = :id AND membership_id = :m""")
                .setParameter("now", now).setParameter("a", amount).setParameter("r", request.reason())
                .setParameter("end", end).setParameter("id", paymentId).setParameter("m", m.id)
                .executeUpdate();
        return get(p.id, customerId, m.id, paymentId);
    }

    /** Cancels the paid membership with effect from a date (default: the end of the paid period). */
    public MemberStatusResponse cancel(UUID programmeId, UUID customerId, CancellationRequest request) {
        Programme p = feeProgramme(programmeId);
        Membership m = statuses.member(p, customerId);
        MemberStatus s = store.status(m);
        Instant now = Timestamps.now();
        Instant at;
        if (request.effectiveAt() != null) {
            at = request.effectiveAt().toInstant();
            if (at.isBefore(now.minus(CLOCK_SKEW))) {
                throw Problems.invalidField("effectiveAt", "body", "must not be in the past");
            }
        } else {
            Instant until = PaidPeriods.paidUntil(store.covers(m.id), null);
            at = until == null || until.isBefore(now) ? now : until;
        }
        s.cancelAt = at;
        s.cancelReason = request.reason();
        return statuses.view(p, customerId, m.id, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PaymentResponse> list(UUID programmeId, UUID customerId, PageRequest page) {
        MemberStatusService.programme(programmeId);
        customers.requireExists(customerId);
        UUID membershipId = memberships.membershipId(programmeId, customerId).orElse(null);
        List<Object[]> rows = membershipId == null ? List.of()
                : Keyset.where().and("membership_id = :m", "m", membershipId).fetchNative(em, COLUMNS, null, page);
        return Page.of(rows, page.limit(), r -> (UUID) r[0], r -> toResponse(r, programmeId, customerId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentResponse get(UUID programmeId, UUID customerId, UUID paymentId) {
        MemberStatusService.programme(programmeId);
        customers.requireExists(customerId);
        UUID membershipId = memberships.membershipId(programmeId, customerId)
                .orElseThrow(() -> Problems.notFound("Payment", paymentId));
        return get(programmeId, customerId, membershipId, paymentId);
    }

    private PaymentResponse get(UUID programmeId, UUID customerId, UUID membershipId, UUID paymentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " WHERE id = :id AND membership_id = :m")
                .setParameter("id", paymentId).setParameter("m", membershipId).getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("Payment", paymentId);
        }
        return toResponse(rows.get(0), programmeId, customerId);
    }

    private static Programme feeProgramme(UUID programmeId) {
        Programme p = MemberStatusService.programme(programmeId);
        if (p.fee == null) {
            throw Problems.unprocessable("no-membership-fee", "Programme " + programmeId + " has no membership fee");
        }
        return p;
    }

    private static PaymentResponse toResponse(Object[] r, UUID programmeId, UUID customerId) {
        return new PaymentResponse((UUID) r[0], programmeId, customerId, (BigDecimal) r[1], ((String) r[2]).trim(),
                (String) r[3], TierStore.instant(r[4]), TierStore.instant(r[5]), TierStore.instant(r[6]), (String) r[7],
                TierStore.instant(r[8]), (BigDecimal) r[9], (String) r[10], TierStore.instant(r[11]));
    }
}
