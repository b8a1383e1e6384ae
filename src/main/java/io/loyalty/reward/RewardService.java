package io.loyalty.reward;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.common.Ids;
import io.loyalty.common.MergePatch;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problem;
import io.loyalty.common.error.Problems;
import io.loyalty.programme.Programme;
import io.loyalty.programme.ProgrammeKind;
import io.loyalty.programme.ProgrammeRewards;
import io.loyalty.programme.ProgrammeStatus;
import io.loyalty.ledger.CoalitionPartners;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

@ApplicationScoped
@Transactional
public class RewardService implements ProgrammeRewards {
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{3,63}");
    static final int MAX_CODES_PER_IMPORT = 100_000;

    private final EntityManager em;
    private final MergePatch mergePatch;
    private final CoalitionPartners partners;
    private final RewardStock stock;

    RewardService(EntityManager em, MergePatch mergePatch, CoalitionPartners partners, RewardStock stock) {
        this.em = em;
        this.stock = stock;
        this.mergePatch = mergePatch;
        this.partners = partners;
    }

    public RewardResponse create(RewardRequest request) {
        Programme p = programmeFor(request);
        check(request, p, null);
        checkPartner(request);
        Reward r = new Reward();
        r.id = Ids.newId();
        r.createdAt = Timestamps.now();
        apply(r, request);
        r.persistAndFlush();
        if (request.stock() != null) {
            stock.set(r, request.stock());
        }
        return describe(r, p.currency);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RewardResponse get(UUID id) {
        return get(id, null);
    }

    /** A PARTNER key sees the operator's rewards and its partner's; another partner's is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RewardResponse get(UUID id, Caller caller) {
        Reward r = find(id, LockModeType.NONE);
        if (caller != null && r.partnerId != null && !caller.sees(r.partnerId)) {
            throw Problems.notFound("Reward", id);
        }
        return describe(r, Programme.<Programme>findById(r.programmeId).currency);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RewardResponse> list(UUID programmeId, RewardType type, RewardStatus status, PageRequest page) {
        return list(programmeId, type, status, page, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RewardResponse> list(UUID programmeId, RewardType type, RewardStatus status, PageRequest page,
                                     Caller caller) {
        List<Reward> rows = Keyset.where()
                .and("(partnerId is null or partnerId = :partner)", "partner", caller == null ? null : caller.scope())
                .and("programmeId = :programme", "programme", programmeId)
                .and("type = :type", "type", type)
                .and("status = :status", "status", status)
                .fetch(em, Reward.class, page);
        Map<UUID, String> currencies = currencies(rows);
        Map<UUID, Long> codes = codesAvailable(rows);
        Map<UUID, Integer> left = stock.left(rows);
        return Page.of(rows, page.limit(), r -> r.id,
                r -> RewardResponse.from(r, currencies.get(r.programmeId), left.get(r.id), codes.get(r.id)));
    }

    /**
     * JSON Merge Patch. The programme of a reward cannot change. The stock is rewritten only when the patch sets
     * it: the units left read for the merge may be stale by the time it is saved, as redemptions go on.
     * The reward row is locked first (FOR NO KEY UPDATE, which redemptions referring to it do not wait for),
     * then its stock slots.
     */
    public RewardResponse patch(UUID id, ObjectNode patch) {
        Reward r = find(id, LockModeType.PESSIMISTIC_WRITE);
        RewardRequest merged = mergePatch.apply(toRequest(r, stock.left(r)), patch, RewardRequest.class);
        if (!r.programmeId.equals(merged.programmeId())) {
            throw Problems.conflict("reward-programme", "The programme of a reward cannot change; create a new reward");
        }
        Programme p = programmeFor(merged);
        check(merged, p, r);
        checkPartner(merged);
        apply(r, merged);
        if (patch.has("stock")) {
            stock.set(r, merged.stock());
        }
        r.flush();
        return describe(r, p.currency);
    }

    public record CodeImport(int received, int added, int duplicates, List<String> duplicateExamples, long available) {
    }

    /**
     * Adds codes to a POOL reward. A code already known (in this or another reward's pool, compared
     * case-insensitively) is skipped and counted, so re-sending a file is harmless.
     */
    public CodeImport importCodes(UUID rewardId, List<String> codes) {
        Reward r = find(rewardId, LockModeType.NONE);
        if (r.codeSource != CodeSource.POOL) {
            throw Problems.conflict("reward-not-pooled",
                    "Reward " + rewardId + " generates its codes; set codeSource to POOL before importing codes");
        }
        if (codes.isEmpty()) {
            throw Problems.invalidField("codes", "body", "must contain at least one code");
        }
        if (codes.size() > MAX_CODES_PER_IMPORT) {
            throw Problems.invalidField("codes", "body", "must contain at most " + MAX_CODES_PER_IMPORT + " codes per request");
        }
        List<Problem.Violation> bad = new ArrayList<>();
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            if (!CODE.matcher(code).matches()) {
                bad.add(new Problem.Violation("codes[" + i + "]", "body",
                        "must be 4-64 letters, digits, '-' or '_', starting with a letter or digit"));
            } else {
                unique.add(code);
            }
            if (bad.size() == 20) {
                break;
            }
        }
        if (!bad.isEmpty()) {
            throw Problems.invalid(bad);
        }
        @SuppressWarnings("unchecked")
        List<String> inserted = em.createNativeQuery("""
                        INSERT INTO reward_code (code, reward_id, imported_at)
                        SELECT c, :r, :now FROM unnest(CAST(:codes AS text[])) AS c
                        ON CONFLICT DO NOTHING RETURNING code""")
                .setParameter("r", rewardId)
                .setParameter("now", Timestamps.now())
                .setParameter("codes", unique.toArray(String[]::new))
                .getResultList();
        Set<String> added = new java.util.HashSet<>(inserted);
        List<String> examples = unique.stream().filter(c -> !added.contains(c)).limit(10).toList();
        return new CodeImport(codes.size(), inserted.size(), codes.size() - inserted.size(), examples,
                codesAvailable(List.of(r)).getOrDefault(r.id, 0L));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean inCatalogue(UUID programmeId, UUID rewardId) {
        return Reward.count("id = ?1 and programmeId = ?2", rewardId, programmeId) > 0;
    }

    public Reward find(UUID id, LockModeType lock) {
        Reward r = Reward.findById(id, lock);
        if (r == null) {
            throw Problems.notFound("Reward", id);
        }
        return r;
    }

    RewardResponse describe(Reward r, String currency) {
        return RewardResponse.from(r, currency, stock.left(r), codesAvailable(List.of(r)).get(r.id));
    }

    /** A partner's reward is redeemed at that partner, which must belong to the reward's programme. */
    private void checkPartner(RewardRequest r) {
        if (r.partnerId() != null && !partners.terms(r.partnerId()).map(t -> t.programmeId().equals(r.programmeId()))
                .orElse(false)) {
            throw Problems.unprocessable("unknown-partner", "Partner " + r.partnerId() + " is not a partner of programme "
                    + r.programmeId());
        }
    }

    private static Programme programmeFor(RewardRequest request) {
        Programme p = Programme.findById(request.programmeId());
        if (p == null) {
            throw Problems.unprocessable("unknown-programme", "Programme " + request.programmeId() + " does not exist");
        }
        return p;
    }

    private static void check(RewardRequest r, Programme p, Reward current) {
        List<Problem.Violation> v = new ArrayList<>();
        r.problems().forEach(x -> v.add(new Problem.Violation(x[0], "body", x[1])));
        if (p.kind == ProgrammeKind.NATURAL) {
            v.add(new Problem.Violation("programmeId", "body", "is a NATURAL programme, which has no points and no rewards"));
        }
        if (!v.isEmpty()) {
            throw Problems.invalid(v);
        }
        if (p.status == ProgrammeStatus.CLOSED && (current == null || r.status() == RewardStatus.ACTIVE)) {
            throw Problems.conflict("programme-closed", "Programme " + p.id + " is closed: it offers no rewards");
        }
    }

    private static void apply(Reward r, RewardRequest q) {
        r.programmeId = q.programmeId();
        r.partnerId = q.partnerId();
        r.name = q.name().strip();
        r.description = q.description();
        r.type = q.type();
        r.status = q.status() == null ? RewardStatus.ACTIVE : q.status();
        r.cost = q.cost();
        r.details = new RewardDetails(q.amount(), q.percent(), q.maxDiscount(), q.sku(), q.subject(), q.startsAt(),
                q.attributes());
        r.eligibility = q.eligibility() == null ? Eligibility.none() : q.eligibility();
        r.validFrom = q.validFrom();
        r.validTo = q.validTo();
        r.codeValidDays = q.codeValidDays();
        r.limitedStock = q.stock() != null; // the units themselves are RewardStock's
        r.limitPerCustomer = q.limitPerCustomer();
        r.limitPeriod = q.limitPeriod() == null ? LimitPeriod.EVER : q.limitPeriod();
        r.refundOnExpiry = q.refundOnExpiry() == null || q.refundOnExpiry();
        r.codeSource = q.codeSource() == null ? CodeSource.GENERATED : q.codeSource();
        r.updatedAt = Timestamps.now();
    }

    private static RewardRequest toRequest(Reward r, Integer stock) {
        RewardDetails d = r.details;
        return new RewardRequest(r.programmeId, r.name, r.description, r.type, r.status, r.cost, r.validFrom, r.validTo,
                r.codeValidDays, stock, r.limitPerCustomer, r.limitPeriod, r.eligibility, r.partnerId, r.refundOnExpiry,
                r.codeSource, d.amount(), d.percent(), d.maxDiscount(), d.sku(), d.subject(), d.startsAt(), d.attributes());
    }

    private static Map<UUID, String> currencies(List<Reward> rows) {
        Map<UUID, String> result = new HashMap<>();
        Set<UUID> ids = new java.util.HashSet<>();
        rows.forEach(r -> ids.add(r.programmeId));
        if (!ids.isEmpty()) {
            Programme.<Programme>list("id in ?1", ids).forEach(p -> result.put(p.id, p.currency));
        }
        return result;
    }

    /** Free pool codes per POOL reward, in one query. */
    @SuppressWarnings("unchecked")
    private Map<UUID, Long> codesAvailable(List<Reward> rows) {
        List<UUID> pooled = rows.stream().filter(r -> r.codeSource == CodeSource.POOL).map(r -> r.id).toList();
        Map<UUID, Long> result = new HashMap<>();
        if (pooled.isEmpty()) {
            return result;
        }
        pooled.forEach(id -> result.put(id, 0L));
        List<Object[]> counts = em.createNativeQuery("""
                        SELECT reward_id, count(*) FROM reward_code
                        WHERE reward_id IN (:ids) AND redemption_id IS NULL GROUP BY reward_id""")
                .setParameter("ids", pooled)
                .getResultList();
        counts.forEach(c -> result.put((UUID) c[0], ((Number) c[1]).longValue()));
        return result;
    }
}
