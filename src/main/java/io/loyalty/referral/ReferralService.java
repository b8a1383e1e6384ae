package io.loyalty.referral;

import io.loyalty.common.Ids;
import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerResponse;
import io.loyalty.customer.CustomerErased;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.customer.CustomerService;
import io.loyalty.customer.ReferralCodeGiven;
import io.loyalty.programme.ProgrammeRewards;
import io.loyalty.programme.ProgrammeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Referral codes, the link a code makes between two customers, and the programmes' bonus rules. */
@ApplicationScoped
@Transactional
public class ReferralService {
    /** No 0/O, 1/I/L: codes are read aloud and typed from a screen. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final CustomerService customers;
    private final CustomerLookup lookup;
    private final ProgrammeService programmes;
    private final ProgrammeRewards catalogue;

    ReferralService(EntityManager em, CustomerService customers, CustomerLookup lookup, ProgrammeService programmes,
                    ProgrammeRewards catalogue) {
        this.em = em;
        this.customers = customers;
        this.lookup = lookup;
        this.programmes = programmes;
        this.catalogue = catalogue;
    }

    /** The customer's referral code, created the first time it is asked for; the same ever after. */
    public ReferralCodeResponse code(UUID customerId) {
        lookup.requireNotErased(customerId);
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<ReferralCode> existing = ReferralCode.findByIdOptional(customerId);
            if (existing.isPresent()) {
                return new ReferralCodeResponse(customerId, existing.get().code, existing.get().createdAt);
            }
            // Concurrent first requests, or (rarely) a code already taken: the row that won is read next time round.
            em.createNativeQuery("INSERT INTO referral_code (customer_id, code, created_at) VALUES (:c, :code, :now) "
                            + "ON CONFLICT DO NOTHING")
                    .setParameter("c", customerId).setParameter("code", newCode()).setParameter("now", Timestamps.now())
                    .executeUpdate();
            em.clear();
        }
        throw new IllegalStateException("no free referral code after 5 attempts");
    }

    private static String newCode() {
        StringBuilder s = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            s.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    /**
     * Links a new customer to the holder of the code they came with, in the transaction that creates them.
     * A refused code (unknown, the customer's own, a referrer with the same email or phone) is a 422 and
     * the customer is not created: a storefront shows the problem rather than silently losing the referral.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onReferralCode(@Observes ReferralCodeGiven given) {
        ReferralCode code = ReferralCode.<ReferralCode>find("code", given.code().toUpperCase(Locale.ROOT))
                .firstResultOptional().orElseThrow(() -> Problems.unprocessable("unknown-referral-code",
                        "No customer has the referral code '" + given.code() + "'"));
        if (code.customerId.equals(given.customerId())) {
            throw selfReferral("a customer cannot use their own referral code");
        }
        if (!given.created()) {
            return; // an existing customer named again at a checkout: referrals are for new customers
        }
        CustomerResponse referrer = customers.get(code.customerId);
        if (referrer.erasedAt() != null) {
            // The code stays on record after erasure precisely so that it can be refused for what it is.
            throw Problems.conflict("customer-erased", "The referral code '" + code.code + "' belonged to a customer "
                    + "who was erased; it can no longer be used");
        }
        if (given.email() != null && given.email().equalsIgnoreCase(referrer.email())) {
            throw selfReferral("the new customer has the referrer's email");
        }
        if (given.phone() != null && referrer.phone() != null && digits(given.phone()).equals(digits(referrer.phone()))) {
            throw selfReferral("the new customer has the referrer's phone number");
        }
        Referral r = new Referral();
        r.id = Ids.newId();
        r.referrerId = code.customerId;
        r.referredId = given.customerId();
        r.code = code.code;
        r.status = Referral.Status.PENDING;
        r.createdAt = Timestamps.now();
        em.persist(r);
    }

    /**
     * An erased newcomer's pending referral is LOST: no bonus is paid on their account any more. An erased referrer's
     * pending referrals stay: the newcomer is still owed the welcome bonus, and the referrer's part is paid as 0.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onCustomerErased(@Observes CustomerErased erased) {
        em.createNativeQuery("UPDATE referral SET status = 'LOST', settled_at = :at WHERE referred_id = :c AND status = 'PENDING'")
                .setParameter("at", erased.erasedAt()).setParameter("c", erased.customerId()).executeUpdate();
    }

    static io.quarkiverse.resteasy.problem.HttpProblem selfReferral(String why) {
        return Problems.unprocessable("self-referral", "Referral refused: " + why);
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReferralResponse> list(UUID referrerId, PageRequest page) {
        lookup.requireExists(referrerId);
        List<Referral> rows = Keyset.where().and("referrerId = :r", "r", referrerId).fetch(em, Referral.class, page);
        Map<UUID, List<ReferralResponse.Bonus>> bonuses = bonuses(rows.stream().map(r -> r.id).toList());
        return Page.of(rows, page.limit(), r -> r.id, r -> new ReferralResponse(r.id, r.referrerId, r.referredId, r.code,
                r.status, r.firstOrderId, r.createdAt, r.settledAt, bonuses.getOrDefault(r.id, List.of())));
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<ReferralResponse.Bonus>> bonuses(List<UUID> referralIds) {
        Map<UUID, List<ReferralResponse.Bonus>> result = new HashMap<>();
        if (referralIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT referral_id, programme_id, referrer_points, capped, newcomer_points, paid_at,
                               newcomer_reward_id, newcomer_reward_status, newcomer_redemption_id, newcomer_reward_note
                        FROM referral_bonus WHERE referral_id IN (:ids) ORDER BY programme_id""")
                .setParameter("ids", referralIds).getResultList();
        for (Object[] row : rows) {
            ReferralResponse.Reward reward = row[6] == null ? null : new ReferralResponse.Reward((UUID) row[6],
                    ReferralResponse.Reward.Status.valueOf((String) row[7]), (UUID) row[8], (String) row[9]);
            result.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new ReferralResponse.Bonus((UUID) row[1],
                    ((Number) row[2]).longValue(), (Boolean) row[3], ((Number) row[4]).longValue(), reward, (Instant) row[5]));
        }
        return result;
    }

    public ReferralBonusRuleRequest setRule(UUID programmeId, ReferralBonusRuleRequest request) {
        programmes.get(programmeId);
        if (request.newcomerRewardId() != null && !catalogue.inCatalogue(programmeId, request.newcomerRewardId())) {
            throw Problems.unprocessable("unknown-reward", "Reward " + request.newcomerRewardId() + " is not in the "
                    + "catalogue of programme " + programmeId + "; the newcomer's reward must be one of its rewards");
        }
        ReferralBonusRule found = ReferralBonusRule.findById(programmeId);
        ReferralBonusRule rule = found == null ? new ReferralBonusRule() : found;
        rule.programmeId = programmeId;
        rule.referrerPoints = request.referrerPoints();
        rule.newcomerPoints = request.newcomerPoints() == null ? 0 : request.newcomerPoints();
        rule.newcomerRewardId = request.newcomerRewardId();
        rule.capPerReferrer = request.capPerReferrer();
        rule.capPeriod = request.capPeriod() == null ? ReferralBonusRule.CapPeriod.MONTH : request.capPeriod();
        rule.updatedAt = Timestamps.now();
        if (found == null) {
            em.persist(rule);
        }
        em.flush();
        return describe(rule);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReferralBonusRuleRequest rule(UUID programmeId) {
        programmes.get(programmeId);
        ReferralBonusRule rule = ReferralBonusRule.findById(programmeId);
        if (rule == null) {
            throw Problems.notFound("Referral bonus rule of programme", programmeId);
        }
        return describe(rule);
    }

    private static ReferralBonusRuleRequest describe(ReferralBonusRule r) {
        return new ReferralBonusRuleRequest(r.referrerPoints, r.newcomerPoints, r.newcomerRewardId, r.capPerReferrer,
                r.capPeriod);
    }
}
