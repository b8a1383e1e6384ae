package io.loyalty.programme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.MergePatch;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ProgrammeService {

    private final MergePatch mergePatch;
    private final ProgrammeCatalog catalog;
    private final ProgrammeRewards rewards;
    private final jakarta.persistence.EntityManager em;

    ProgrammeService(MergePatch mergePatch, ProgrammeCatalog catalog, ProgrammeRewards rewards,
                     jakarta.persistence.EntityManager em) {
        this.rewards = rewards;
        this.em = em;
        this.mergePatch = mergePatch;
        this.catalog = catalog;
    }

    public ProgrammeResponse create(ProgrammeRequest request) {
        ProgrammeRequest r = withDefaults(request);
        check(r, null);
        checkStampRewards(r, null);
        Programme p = new Programme();
        p.id = Ids.newId();
        p.createdAt = Timestamps.now();
        apply(p, r);
        p.persistAndFlush();
        catalog.changed();
        return ProgrammeResponse.from(p);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgrammeResponse get(UUID id) {
        return ProgrammeResponse.from(find(id, LockModeType.NONE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProgrammeResponse> list(ProgrammeStatus status, PageRequest page) {
        return Keyset.where().and("status = :status", "status", status)
                .page(em, Programme.class, page, p -> p.id, ProgrammeResponse::from);
    }

    /** JSON Merge Patch; {@code rules}, when present, replaces the whole list. */
    public ProgrammeResponse patch(UUID id, ObjectNode patch) {
        Programme p = find(id, LockModeType.PESSIMISTIC_WRITE);
        ProgrammeRequest merged = mergePatch.apply(toRequest(p), patch, ProgrammeRequest.class);
        ProgrammeRequest r = withDefaults(merged);
        check(r, p);
        checkStampRewards(r, p.id);
        apply(p, r);
        p.flush();
        catalog.changed();
        return ProgrammeResponse.from(p);
    }

    public Programme find(UUID id, LockModeType lock) {
        Programme p = Programme.findById(id, lock);
        if (p == null) {
            throw Problems.notFound("Programme", id);
        }
        return p;
    }

    /** A stamp card's reward must be in this programme's own catalogue, so a new programme cannot name one yet. */
    private void checkStampRewards(ProgrammeRequest r, UUID programmeId) {
        List<Problem.Violation> v = new ArrayList<>();
        for (int i = 0; i < r.rules().size(); i++) {
            UUID rewardId = r.rules().get(i).rewardId();
            if (rewardId == null) {
                continue;
            }
            if (programmeId == null || !rewards.inCatalogue(programmeId, rewardId)) {
                v.add(new Problem.Violation("rules[" + i + "].rewardId", "body", programmeId == null
                        ? "cannot be set when creating a programme: create it, add the reward, then PATCH the rule"
                        : "must be a reward of this programme"));
            }
        }
        if (!v.isEmpty()) {
            throw Problems.invalid(v);
        }
    }

    private static ProgrammeRequest withDefaults(ProgrammeRequest r) {
        List<EarningRule> rules = r.rules() == null ? List.of() : r.rules();
        List<EarningRule> identified = new ArrayList<>();
        for (EarningRule rule : rules) {
            identified.add(rule != null && rule.id() == null ? rule.withId(Ids.newId().toString()) : rule);
        }
        return new ProgrammeRequest(r.name().strip(),
                r.kind() == null ? ProgrammeKind.CUMULATIVE : r.kind(),
                r.status() == null ? ProgrammeStatus.DRAFT : r.status(),
                r.currency(),
                r.pointValue() == null ? BigDecimal.ZERO : r.pointValue(),
                r.enrolment() == null ? Enrolment.AUTOMATIC : r.enrolment(),
                r.timezone() == null || r.timezone().isBlank() ? "UTC" : r.timezone(),
                r.pendingDays() == null ? 0 : r.pendingDays(),
                r.expiry() == null ? ExpiryPolicy.never() : r.expiry(),
                identified, r.tiers(), r.fee());
    }

    private static void check(ProgrammeRequest r, Programme current) {
        List<Problem.Violation> v = new ArrayList<>();
        try {
            Currency.getInstance(r.currency());
        } catch (IllegalArgumentException e) {
            v.add(new Problem.Violation("currency", "body", "is not an ISO-4217 currency code"));
        }
        try {
            ZoneId.of(r.timezone());
        } catch (DateTimeException e) {
            v.add(new Problem.Violation("timezone", "body", "is not an IANA time zone such as Asia/Kolkata"));
        }
        r.expiry().problems().forEach(p -> v.add(new Problem.Violation(p[0], "body", p[1])));
        if (r.tiers() != null) {
            r.tiers().problems().forEach(p -> v.add(new Problem.Violation(p[0], "body", p[1])));
        }
        if (r.fee() != null) {
            r.fee().problems().forEach(p -> v.add(new Problem.Violation(p[0], "body", p[1])));
        }
        if (r.kind() == ProgrammeKind.NATURAL && !r.rules().isEmpty()) {
            v.add(new Problem.Violation("rules", "body", "must be empty: a NATURAL programme only measures"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.rules().size(); i++) {
            EarningRule rule = r.rules().get(i);
            String prefix = "rules[" + i + "].";
            if (rule == null) {
                v.add(new Problem.Violation("rules[" + i + "]", "body", "must be a rule"));
                continue;
            }
            rule.problems().forEach(p -> v.add(new Problem.Violation(prefix + p[0], "body", p[1])));
            if (rule.id() != null && !ids.add(rule.id())) {
                v.add(new Problem.Violation(prefix + "id", "body", "is used by another rule of this programme"));
            }
        }
        if (!v.isEmpty()) {
            throw Problems.invalid(v);
        }
        if (current != null && current.status == ProgrammeStatus.CLOSED && r.status() != ProgrammeStatus.CLOSED) {
            throw Problems.conflict("programme-closed", "A CLOSED programme cannot be reopened");
        }
        if (current != null && current.status == ProgrammeStatus.ACTIVE && r.status() == ProgrammeStatus.DRAFT) {
            throw Problems.conflict("programme-active", "An ACTIVE programme cannot go back to DRAFT; close it instead");
        }
        if (current != null && !current.currency.equals(r.currency()) && current.status != ProgrammeStatus.DRAFT) {
            throw Problems.conflict("programme-currency", "The currency of a programme that has been active cannot change");
        }
    }

    private static void apply(Programme p, ProgrammeRequest r) {
        p.name = r.name();
        p.kind = r.kind();
        p.status = r.status();
        p.currency = r.currency();
        p.pointValue = r.pointValue();
        p.enrolment = r.enrolment();
        p.timezone = r.timezone();
        p.pendingDays = r.pendingDays();
        p.expiry = r.expiry();
        p.rules = List.copyOf(r.rules());
        p.tiers = r.tiers();
        p.fee = r.fee();
        p.updatedAt = Timestamps.now();
    }

    private static ProgrammeRequest toRequest(Programme p) {
        return new ProgrammeRequest(p.name, p.kind, p.status, p.currency, p.pointValue, p.enrolment, p.timezone,
                p.pendingDays, p.expiry, p.rules, p.tiers, p.fee);
    }
}
