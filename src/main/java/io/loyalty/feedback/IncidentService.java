package io.loyalty.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.PromotionPolicy;
import io.loyalty.ledger.PointsService;
import io.loyalty.reward.GrantRequest;
import io.loyalty.reward.RedemptionIssuer;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The life of an incident, OPEN, ACKNOWLEDGED, RESOLVED, and the promotion policy it implies: while a
 * customer has one that is not resolved, nothing is promoted to them.
 */
@ApplicationScoped
@Transactional
public class IncidentService implements PromotionPolicy {
    static final String COMPENSATION = "compensation";

    private final EntityManager em;
    private final PointsService points;
    private final RedemptionIssuer rewards;

    IncidentService(EntityManager em, PointsService points, RedemptionIssuer rewards) {
        this.em = em;
        this.points = points;
        this.rewards = rewards;
    }

    /** Opens the incident of a complaint or a bottom score, in the feedback's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID open(Feedback f, UUID apiKeyId) {
        Incident i = new Incident();
        i.id = Ids.newId();
        i.customerId = f.customerId;
        i.feedbackId = f.id;
        i.cause = f.type == FeedbackType.COMPLAINT ? Incident.Cause.COMPLAINT : Incident.Cause.LOW_SCORE;
        i.status = IncidentStatus.OPEN;
        i.openedAt = f.createdAt;
        i.openedBy = apiKeyId;
        em.persist(i);
        record(i, "OPENED", null, apiKeyId, i.openedAt);
        return i.id;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Suppression> suppression(UUID customerId) {
        return Incident.<Incident>find("customerId = ?1 and status <> ?2 order by openedAt, id", customerId,
                        IncidentStatus.RESOLVED).firstResultOptional()
                .map(i -> new Suppression("OPEN_INCIDENT", i.id, i.openedAt, (i.cause == Incident.Cause.COMPLAINT
                        ? "A complaint" : "A low score") + " of " + i.openedAt + " is " + i.status
                        + ": promotions wait until it is resolved"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IncidentResponse get(UUID id) {
        return describe(find(id, LockModeType.NONE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IncidentResponse> list(IncidentStatus status, UUID customerId, PageRequest page) {
        List<Incident> rows = Keyset.where()
                .and("status = :status", "status", status)
                .and("customerId = :customer", "customer", customerId)
                .fetch(em, Incident.class, page);
        Map<UUID, List<IncidentEvent>> events = new HashMap<>();
        if (!rows.isEmpty()) {
            IncidentEvent.<IncidentEvent>list("incidentId in ?1 order by id", rows.stream().map(i -> i.id).toList())
                    .forEach(e -> events.computeIfAbsent(e.incidentId, k -> new java.util.ArrayList<>()).add(e));
        }
        return Page.of(rows, page.limit(), i -> i.id, i -> IncidentResponse.from(i, events.getOrDefault(i.id, List.of())));
    }

    /** The incident each of these feedbacks opened, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<UUID, UUID> idsByFeedback(List<UUID> feedbackIds) {
        Map<UUID, UUID> result = new HashMap<>();
        if (!feedbackIds.isEmpty()) {
            Incident.<Incident>list("feedbackId in ?1", feedbackIds).forEach(i -> result.put(i.feedbackId, i.id));
        }
        return result;
    }

    /**
     * JSON Merge Patch of the two things that change before resolution: `status` (only to ACKNOWLEDGED;
     * resolving has its own operation, which can compensate) and `notes` (null clears them).
     */
    public IncidentResponse patch(UUID id, ObjectNode patch, Caller caller) {
        Incident i = find(id, LockModeType.PESSIMISTIC_WRITE);
        patch.fieldNames().forEachRemaining(name -> {
            if (!name.equals("status") && !name.equals("notes")) {
                throw Problems.invalidField(name, "body", "is not a field of an incident that can be changed");
            }
        });
        JsonNode status = patch.get("status");
        if (status != null && !(status.isTextual() && status.asText().equals("ACKNOWLEDGED"))) {
            throw Problems.invalidField("status", "body", "can only be set to ACKNOWLEDGED; resolve with "
                    + "POST /api/v1/incidents/" + id + "/resolve");
        }
        JsonNode notes = patch.get("notes");
        if (notes != null && !notes.isNull() && (!notes.isTextual() || notes.asText().length() > 4000)) {
            throw Problems.invalidField("notes", "body", "must be a string of at most 4000 characters, or null");
        }
        if (i.status == IncidentStatus.RESOLVED) {
            throw Problems.conflict("incident-resolved", "Incident " + id + " is resolved; it can no longer change");
        }
        Instant now = Timestamps.now();
        if (status != null && i.status == IncidentStatus.OPEN) {
            i.status = IncidentStatus.ACKNOWLEDGED;
            i.acknowledgedAt = now;
            i.acknowledgedBy = caller.apiKeyId();
            record(i, "ACKNOWLEDGED", null, caller.apiKeyId(), now);
        }
        if (notes != null) {
            i.notes = notes.isNull() || notes.asText().isBlank() ? null : notes.asText().strip();
            record(i, "NOTED", i.notes, caller.apiKeyId(), now);
        }
        em.flush();
        return describe(i);
    }

    /** The incident after resolving, and whether this call resolved it (false: it already was). */
    public record Resolved(IncidentResponse incident, boolean now) {
    }

    /**
     * Resolves once. The incident's row is locked first, so of concurrent resolves one credits the
     * compensation and the others, waiting on the lock, find it RESOLVED and only read it: the points and
     * the reward are given exactly once, in the same transaction that marks the incident resolved.
     */
    public Resolved resolve(UUID id, ResolveRequest request, Caller caller) {
        ResolveRequest.Compensation c = request == null ? null : request.compensation();
        if (c != null) {
            requireComplete(c);
        }
        Incident i = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (i.status == IncidentStatus.RESOLVED) {
            return new Resolved(describe(i), false);
        }
        Instant now = Timestamps.now();
        if (c != null && c.points() != null) {
            i.compensationProgrammeId = c.programmeId();
            i.compensationPoints = c.points();
            i.compensationEntryId = points.award(i.customerId, c.programmeId(), c.points(), COMPENSATION,
                    caller.apiKeyId()).id();
        }
        if (c != null && c.rewardId() != null) {
            i.compensationRewardId = c.rewardId();
            i.compensationRedemptionId = rewards.grant(i.customerId, new GrantRequest(c.rewardId(),
                    COMPENSATION + " for incident " + i.id), "incident:" + i.id, caller).result().id();
        }
        i.status = IncidentStatus.RESOLVED;
        i.resolvedAt = now;
        i.resolvedBy = caller.apiKeyId();
        i.resolution = request == null || request.resolution() == null || request.resolution().isBlank()
                ? null : request.resolution().strip();
        record(i, "RESOLVED", i.resolution, caller.apiKeyId(), now);
        em.flush();
        return new Resolved(describe(i), true);
    }

    private static void requireComplete(ResolveRequest.Compensation c) {
        if (c.points() == null && c.rewardId() == null) {
            throw Problems.invalidField("compensation", "body", "must give points (programmeId and points) or a rewardId");
        }
        if ((c.points() == null) != (c.programmeId() == null)) {
            throw Problems.invalidField(c.points() == null ? "compensation.points" : "compensation.programmeId",
                    "body", "is required with " + (c.points() == null ? "programmeId" : "points"));
        }
    }

    private void record(Incident i, String action, String notes, UUID apiKeyId, Instant at) {
        IncidentEvent e = new IncidentEvent();
        e.id = Ids.newId();
        e.incidentId = i.id;
        e.action = action;
        e.notes = notes;
        e.apiKeyId = apiKeyId;
        e.at = at;
        em.persist(e);
    }

    private IncidentResponse describe(Incident i) {
        List<IncidentEvent> events = IncidentEvent.list("incidentId", i.id);
        return IncidentResponse.from(i, events.stream().sorted(Comparator.comparing((IncidentEvent e) -> e.id)).toList());
    }

    private static Incident find(UUID id, LockModeType lock) {
        Incident i = Incident.findById(id, lock);
        if (i == null) {
            throw Problems.notFound("Incident", id);
        }
        return i;
    }
}
