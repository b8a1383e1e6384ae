package io.loyalty.reward;

import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.programme.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Rewards the programme itself gives, with the membership already locked: the reward of a completed stamp card
 * and the prize of a game or challenge (in an order's transaction), and a referred newcomer's welcome reward (in
 * the referral bonus run). {@link RedemptionIssuer} serves customers and admins asking for a reward.
 */
@ApplicationScoped
public class ProgrammeIssuer {
    private final RedemptionIssuer redemptions;
    private final RewardStock stock;

    ProgrammeIssuer(RedemptionIssuer redemptions, RewardStock stock) {
        this.redemptions = redemptions;
        this.stock = stock;
    }

    /**
     * The reward of a completed stamp card, inside the order's transaction (the membership is locked).
     * The card was earned, so neither stock, status nor eligibility can refuse it. A reward that no longer
     * exists cannot happen through the API (a rule's reward is checked when the rule is saved, and rewards
     * are never deleted); should the data say otherwise, the order is refused with a problem naming the
     * rule to fix, rather than a 500 or a customer silently losing their card.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RedemptionResponse issueForStampCard(Membership m, UUID rewardId, String ruleId, UUID orderId, UUID apiKeyId) {
        Reward reward = Reward.findById(rewardId);
        if (reward == null) {
            throw Problems.unprocessable("stamp-reward-missing", "Stamp rule '" + ruleId + "' of programme " + m.programmeId
                    + " names reward " + rewardId + ", which does not exist; set the rule's rewardId to a reward of the "
                    + "programme (or remove it to record completed cards as entitlements)");
        }
        Instant now = Timestamps.now();
        Redemption x = redemptions.newRedemption(reward, m, RedemptionOrigin.STAMP_CARD,
                "Stamp card '" + ruleId + "' completed by order " + orderId, null, apiKeyId, now);
        return redemptions.issue(x, reward, m, now);
    }

    /**
     * A reward won in a game, paid by a challenge (inside the order's transaction) or given to a referred newcomer
     * (inside the referral bonus run), the membership locked by the caller,
     * granted as {@link RedemptionIssuer#grant} does: one unit of stock is taken, and a pooled reward needs a free code. Empty,
     * with nothing written, when the reward is missing, out of stock or out of codes: the caller then records
     * that the prize could not be given rather than failing the order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<RedemptionResponse> issuePrize(Membership m, UUID rewardId, RedemptionOrigin origin,
                                                             String reason, UUID apiKeyId) {
        if (origin != RedemptionOrigin.GAME && origin != RedemptionOrigin.CHALLENGE && origin != RedemptionOrigin.REFERRAL) {
            throw new IllegalArgumentException(origin + " is not a prize");
        }
        Reward reward = Reward.findById(rewardId);
        if (reward == null || reward.programmeId == null || !reward.programmeId.equals(m.programmeId)) {
            return java.util.Optional.empty();
        }
        if (reward.codeSource == CodeSource.POOL && !redemptions.hasFreePoolCode(reward)) {
            return java.util.Optional.empty();
        }
        if (!stock.take(reward)) {
            return java.util.Optional.empty();
        }
        Instant now = Timestamps.now();
        Redemption x = redemptions.newRedemption(reward, m, origin, reason, null, apiKeyId, now);
        try {
            return java.util.Optional.of(redemptions.issue(x, reward, m, now));
        } catch (io.quarkiverse.resteasy.problem.HttpProblem e) {
            // a concurrent order took the last pooled code between the check and the claim
            stock.giveBack(reward);
            return java.util.Optional.empty();
        }
    }
}
