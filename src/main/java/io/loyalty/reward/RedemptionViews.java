package io.loyalty.reward;

import io.loyalty.programme.Membership;
import io.loyalty.security.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Redemptions as the API shows them: with their reward, the customer's balance and every transition. */
final class RedemptionViews {
    private RedemptionViews() {
    }

    static RedemptionResponse describe(Redemption x, Instant now) {
        Membership m = Membership.findById(x.membershipId);
        return describe(x, Reward.findById(x.rewardId), m.balance, now);
    }

    static RedemptionResponse describe(Redemption x, Reward reward, long balance, Instant now) {
        return describe(x, reward, balance, now,
                RedemptionTransition.list("redemptionId = ?1 order by occurredAt, id", x.id));
    }

    /**
     * Describes many redemptions in three queries (their rewards, balances and transitions), not three per
     * redemption: a page of 50 would otherwise cost 150 queries.
     */
    static List<RedemptionResponse> describeAll(List<Redemption> rows, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = new HashSet<>();
        Set<UUID> rewardIds = new HashSet<>();
        Set<UUID> membershipIds = new HashSet<>();
        for (Redemption x : rows) {
            ids.add(x.id);
            rewardIds.add(x.rewardId);
            membershipIds.add(x.membershipId);
        }
        Map<UUID, Reward> rewards = new HashMap<>();
        Reward.<Reward>list("id in ?1", rewardIds).forEach(r -> rewards.put(r.id, r));
        Map<UUID, Long> balances = new HashMap<>();
        Membership.<Membership>list("id in ?1", membershipIds).forEach(m -> balances.put(m.id, m.balance));
        Map<UUID, List<RedemptionTransition>> history = new HashMap<>();
        RedemptionTransition.<RedemptionTransition>list("redemptionId in ?1 order by occurredAt, id", ids)
                .forEach(t -> history.computeIfAbsent(t.redemptionId, k -> new ArrayList<>()).add(t));
        return rows.stream().map(x -> describe(x, rewards.get(x.rewardId), balances.get(x.membershipId), now,
                history.getOrDefault(x.id, List.of()))).toList();
    }

    static RedemptionResponse describe(Redemption x, Reward reward, long balance, Instant now,
                                       List<RedemptionTransition> history) {
        List<RedemptionResponse.Transition> transitions = history.stream()
                .map(t -> new RedemptionResponse.Transition(t.status, t.pointsRefunded, t.detail, t.apiKeyId, t.occurredAt))
                .toList();
        String notUsable = switch (x.status) {
            case ISSUED -> x.expiresAt != null && !x.expiresAt.isAfter(now) ? "expired at " + x.expiresAt : null;
            case USED -> "already used on order " + orderRef(x.usedOrderId, x.usedOrderExternalId);
            case CANCELLED -> "cancelled";
            case EXPIRED -> "expired at " + x.expiresAt;
        };
        return new RedemptionResponse(x.id, x.rewardId, reward.name, reward.type, reward.programmeId, x.customerId,
                x.partnerId, x.origin, x.reason, x.code, x.points, x.status, x.expiresAt, notUsable == null, notUsable,
                x.usedOrderId, x.usedOrderExternalId, balance, transitions, x.createdAt, x.updatedAt);
    }

    static boolean visibleTo(Redemption x, Caller caller) {
        return caller.sees(x.partnerId);
    }

    static String orderRef(UUID orderId, String externalId) {
        return externalId != null ? externalId : String.valueOf(orderId);
    }
}
