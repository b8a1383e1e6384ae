package io.loyalty.ledger;

import io.loyalty.common.Timestamps;
import io.loyalty.customer.PromotionPolicy;
import io.loyalty.programme.EarningRule;
import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import io.loyalty.programme.RuleState;
import io.loyalty.tier.MemberStatusResponse;
import io.loyalty.tier.MemberStatusService;
import io.loyalty.tier.TierService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer's whole loyalty account in one read: points from the ledger, stamps and entitlements from the rules. */
@ApplicationScoped
@Transactional
public class LoyaltyService {

    private final PointsService points;
    private final RuleState ruleState;
    private final MemberStatusService statuses;
    private final PromotionPolicy promotions;
    private final ChallengeBoard challenges;

    LoyaltyService(PointsService points, RuleState ruleState, MemberStatusService statuses, PromotionPolicy promotions,
                   ChallengeBoard challenges) {
        this.points = points;
        this.statuses = statuses;
        this.ruleState = ruleState;
        this.promotions = promotions;
        this.challenges = challenges;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LoyaltySummary summary(UUID customerId) {
        Instant now = Timestamps.now();
        List<LoyaltySummary.ProgrammeSummary> programmes = new ArrayList<>();
        for (BalanceResponse balance : points.balances(customerId, null)) {
            Programme p = Programme.findById(balance.programmeId());
            Membership m = Membership.find("programmeId = ?1 and customerId = ?2", p.id, customerId).firstResult();
            Map<String, RuleState.StampCard> onCards = m == null ? Map.of() : ruleState.stampCards(m.id);
            List<LoyaltySummary.StampCard> cards = new ArrayList<>();
            for (EarningRule rule : p.rules) {
                if (rule.type() != EarningRule.Type.STAMP) {
                    continue;
                }
                RuleState.StampCard card = onCards.getOrDefault(rule.id(), new RuleState.StampCard(rule.id(), 0, 0, 0));
                cards.add(new LoyaltySummary.StampCard(rule.id(), rule.name(), card.onCard(), rule.stampsRequired(),
                        card.completed(), rule.reward(), card.debt()));
            }
            List<LoyaltySummary.Entitlement> entitlements = m == null ? List.of()
                    : ruleState.availableEntitlements(m.id).stream()
                    .map(e -> new LoyaltySummary.Entitlement(e.id(), e.ruleId(), e.reward(), e.orderId(), e.earnedAt()))
                    .toList();
            MemberStatusResponse status = TierService.applies(p) ? statuses.view(p, customerId, m == null ? null : m.id, now)
                    : null;
            programmes.add(new LoyaltySummary.ProgrammeSummary(p.id, p.name, balance, cards, entitlements,
                    status == null ? null : status.tier(), status == null ? null : status.paidMembership(),
                    status == null ? List.of() : status.benefits(),
                    challenges.challenges(customerId, p.id, m == null ? null : m.id, now)));
        }
        PromotionPolicy.Suppression suppressed = promotions.suppression(customerId).orElse(null);
        return new LoyaltySummary(customerId, programmes, suppressed == null, suppressed, now);
    }
}
