package io.loyalty.feedback;

import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.order.OrderFacts;
import io.loyalty.order.OrderService;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class FeedbackService {
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final EntityManager em;
    private final CustomerLookup customers;
    private final OrderService orders;
    private final IncidentService incidents;

    FeedbackService(EntityManager em, CustomerLookup customers, OrderService orders, IncidentService incidents) {
        this.em = em;
        this.customers = customers;
        this.orders = orders;
        this.incidents = incidents;
    }

    /** The filters of the list, all optional. */
    public record Filter(UUID customerId, FeedbackType type, Instant from, Instant to, Integer minScore,
                         Integer maxScore, Boolean published) {
    }

    /**
     * Stores feedback; a complaint or a bottom score opens an incident in the same transaction, so no
     * complaint is ever stored without the incident that suppresses promotions until it is resolved.
     */
    public FeedbackResponse create(FeedbackRequest request, Caller caller) {
        Feedback f = store(request, caller, null);
        UUID incidentId = f.type.opensIncident(f.score) ? incidents.open(f, caller.apiKeyId()) : null;
        return FeedbackResponse.from(f, incidentId);
    }

    /**
     * Stores one imported feedback without opening an incident: history already happened, and a review
     * history of years would otherwise open (and suppress promotions for) thousands of stale incidents.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FeedbackResponse importOne(FeedbackRequest request, Caller caller, UUID jobId) {
        return FeedbackResponse.from(store(request, caller, jobId), null);
    }

    private Feedback store(FeedbackRequest r, Caller caller, UUID jobId) {
        Instant now = Timestamps.now();
        Instant givenAt = r.givenAt() == null ? now : r.givenAt().toInstant();
        validate(r, givenAt, now);
        customers.requireKnownForWriting(r.customerId());
        UUID partnerId = null;
        if (r.orderId() != null) {
            OrderFacts order = orders.facts(r.orderId()).orElseThrow(() ->
                    Problems.unprocessable("unknown-order", "Order " + r.orderId() + " does not exist"));
            if (!order.customerId().equals(r.customerId())) {
                throw Problems.unprocessable("order-customer", "Order " + r.orderId()
                        + " belongs to another customer than the feedback");
            }
            partnerId = order.partnerId();
        }
        if (!caller.sees(partnerId)) {
            throw Problems.forbidden("A PARTNER key gives feedback only on orders placed with its partner: name one in orderId");
        }
        if (r.externalId() != null && Feedback.count("externalId", r.externalId()) > 0) {
            throw Problems.conflict("duplicate-external-id", "Feedback with externalId '" + r.externalId()
                    + "' already exists");
        }
        Feedback f = new Feedback();
        f.id = Ids.newId();
        f.externalId = r.externalId();
        f.customerId = r.customerId();
        f.orderId = r.orderId();
        f.partnerId = partnerId;
        f.type = r.type();
        f.score = r.score();
        f.comment = r.comment() == null || r.comment().isBlank() ? null : r.comment().strip();
        f.published = Boolean.TRUE.equals(r.published());
        f.channel = r.channel();
        f.givenAt = givenAt;
        f.apiKeyId = caller.apiKeyId();
        f.importJobId = jobId;
        f.createdAt = now;
        em.persist(f);
        em.flush();
        return f;
    }

    /** The rules bean validation cannot express: a score on the scale of its type, a comment where there is no score. */
    static void validate(FeedbackRequest r, Instant givenAt, Instant now) {
        List<Problem.Violation> violations = new ArrayList<>();
        FeedbackType type = r.type();
        if (type.scored()) {
            if (r.score() == null) {
                violations.add(new Problem.Violation("score", "body", "is required for " + type + " (" + type.min()
                        + "-" + type.max() + ")"));
            } else if (r.score() < type.min() || r.score() > type.max()) {
                violations.add(new Problem.Violation("score", "body", "must be between " + type.min() + " and "
                        + type.max() + " for " + type));
            }
        } else {
            if (r.score() != null) {
                violations.add(new Problem.Violation("score", "body", "must be absent: " + type + " has no score"));
            }
            if (r.comment() == null || r.comment().isBlank()) {
                violations.add(new Problem.Violation("comment", "body", "is required for " + type));
            }
        }
        if (givenAt.isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Problem.Violation("givenAt", "body", "must not be in the future"));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedbackResponse get(UUID id, Caller caller) {
        Feedback f = Feedback.findById(id);
        if (f == null || !visible(f, caller)) {
            throw Problems.notFound("Feedback", id);
        }
        return FeedbackResponse.from(f, incidents.idsByFeedback(List.of(f.id)).get(f.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FeedbackResponse> list(Filter filter, Caller caller, PageRequest page) {
        if (filter.minScore() != null && filter.maxScore() != null && filter.minScore() > filter.maxScore()) {
            throw Problems.invalidParameter("minScore", "must not be above maxScore");
        }
        Keyset where = Keyset.where()
                .and("customerId = :customer", "customer", filter.customerId())
                .and("type = :type", "type", filter.type())
                .and("givenAt >= :from", "from", filter.from())
                .and("givenAt < :to", "to", filter.to())
                .and("score >= :minScore", "minScore", filter.minScore())
                .and("score <= :maxScore", "maxScore", filter.maxScore())
                .and("published = :published", "published", filter.published());
        if (caller.role() == Role.PARTNER) {
            // A PARTNER key without a partner (not creatable, but never trusted) sees nothing.
            if (caller.scope() == null) {
                where.and("id is null");
            } else {
                where.and("partnerId = :partner", "partner", caller.scope());
            }
        }
        List<Feedback> rows = where.fetch(em, Feedback.class, page);
        Map<UUID, UUID> incidentIds = incidents.idsByFeedback(rows.stream().map(f -> f.id).toList());
        return Page.of(rows, page.limit(), f -> f.id, f -> FeedbackResponse.from(f, incidentIds.get(f.id)));
    }

    private static boolean visible(Feedback f, Caller caller) {
        return caller.sees(f.partnerId);
    }
}
