package io.loyalty.reward;

import io.loyalty.common.Idempotency;
import io.loyalty.common.NativeSql;
import io.loyalty.common.Timestamps;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.ledger.Ledger;
import io.loyalty.ledger.LotsAhead;
import io.loyalty.ledger.PointLot;
import io.loyalty.programme.Membership;
import io.loyalty.programme.MembershipService;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Redeems a batch of requests (see {@link RedemptionWriter}) in the caller's transaction, each with the same code a
 * single redemption uses ({@link RedemptionIssuer}), doing once for the whole batch what each would read or lock on
 * its own: the Idempotency-Keys are claimed in one statement, the customers checked in one, the memberships locked in
 * one, in id order (locked one by one in arrival order, two batches holding each other's customers would deadlock),
 * and their lots with points left in one. The lock order stays that of a single redemption: key, membership, then a
 * stock slot, taken request by request (a batch keeps to the slot it took first while it has units). The rows are
 * written together at the end, the redemptions and transitions one multi-row statement per table, and the results
 * are stored for replays in one statement.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class RedemptionBatch {
    /** The longest a batch waits for a lock: longer, and its redemptions are better written on their own. */
    static final String LOCK_TIMEOUT = "500ms";

    private final EntityManager em;
    private final RedemptionIssuer issuer;
    private final MembershipService memberships;
    private final LotsAhead lotsAhead;
    private final Idempotency idempotency;
    private final CustomerLookup customers;

    RedemptionBatch(EntityManager em, RedemptionIssuer issuer, MembershipService memberships, LotsAhead lotsAhead,
                    Idempotency idempotency, CustomerLookup customers) {
        this.em = em;
        this.idempotency = idempotency;
        this.customers = customers;
        this.issuer = issuer;
        this.memberships = memberships;
        this.lotsAhead = lotsAhead;
    }

    /**
     * What a batch holds for its redemptions: the memberships and lots it locked ahead, and the redemption and
     * transition rows not written yet. The lots are the managed entities the debits change, so each redemption sees
     * what the ones before it in the batch took, without a query.
     */
    final class Held {
        private final Map<Map.Entry<UUID, UUID>, Membership> members = new HashMap<>();
        private final Map<UUID, List<PointLot>> lots;
        private final List<Redemption> redemptions = new ArrayList<>();
        private final List<RedemptionTransition> transitions = new ArrayList<>();

        private Held(List<Membership> locked, Instant at) {
            locked.forEach(m -> members.put(Map.entry(m.customerId, m.programmeId), m));
            lots = lotsAhead.lock(locked.stream().map(m -> m.id).toList(), at);
        }

        /** The customer's membership of the programme, locked ahead; null when it was not (it did not exist). */
        Membership member(UUID customerId, UUID programmeId) {
            return members.get(Map.entry(customerId, programmeId));
        }

        /** As {@link Ledger#spendableLots}, for a membership locked ahead; null for another. */
        List<PointLot> spendableLots(Membership m, Instant at) {
            List<PointLot> open = lots.get(m.id);
            return open == null ? null : open.stream().filter(l -> l.remaining > 0 && l.isAvailableAt(at)).toList();
        }

        void add(Redemption x, RedemptionTransition t) {
            redemptions.add(x);
            transitions.add(t);
        }

        /** Persists the rows kept so far and writes everything pending. */
        void write() {
            redemptions.forEach(em::persist);
            transitions.forEach(em::persist);
            redemptions.clear();
            transitions.clear();
            em.flush();
        }
    }

    /** One request of a batch: its body, its Idempotency-Key and who asks. */
    record Request(RedemptionRequest body, String key, Caller caller) {
    }

    /**
     * Redeems the requests in turn and writes them all at the end, in a transaction that waits for no lock longer
     * than {@link #LOCK_TIMEOUT}: their Idempotency-Keys are claimed in one statement, their customers checked in
     * one, their memberships and lots locked in one each; the results are stored for replays in one. Left out (as
     * null), for the caller to redeem on their own: requests whose key was used before (answered as replays or
     * conflicts) and whose customer is unknown or erased (answered with that problem). A redemption that fails fails
     * the batch with {@link io.loyalty.common.BatchWriter.Failed}, which names it.
     */
    List<Idempotency.Outcome<RedemptionResponse>> redeemAll(List<Request> requests) {
        NativeSql.beginBatch(em, LOCK_TIMEOUT);
        Map<UUID, CustomerLookup.Standing> standing = customers.standings(
                requests.stream().map(r -> r.body().customerId()).collect(Collectors.toSet()));
        List<Integer> taken = new ArrayList<>();
        List<Idempotency.Claim> claims = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            if (standing.get(r.body().customerId()) == CustomerLookup.Standing.CURRENT) {
                taken.add(i);
                claims.add(new Idempotency.Claim(r.caller().apiKeyId(), r.key(), r.body()));
            }
        }
        boolean[] claimed = idempotency.claimAll(RedemptionIssuer.SCOPE, claims);
        for (int i = claimed.length - 1; i >= 0; i--) {
            if (!claimed[i]) {
                taken.remove(i);
                claims.remove(i);
            }
        }
        Set<Map.Entry<UUID, UUID>> members = new LinkedHashSet<>();
        for (int i : taken) {
            Reward reward = Reward.findById(requests.get(i).body().rewardId());
            if (reward != null && reward.programmeId != null) {
                members.add(Map.entry(requests.get(i).body().customerId(), reward.programmeId));
            }
        }
        Held held = new Held(memberships.lockExisting(members), Timestamps.now());
        List<RedemptionResponse> responses = new ArrayList<>(taken.size());
        for (int i : taken) {
            Request r = requests.get(i);
            try {
                responses.add(issuer.redeemClaimed(r.body(), r.caller(), held));
            } catch (RuntimeException e) {
                throw new io.loyalty.common.BatchWriter.Failed(i, e);
            }
        }
        held.write();
        idempotency.storeAll(RedemptionIssuer.SCOPE, claims, responses);
        List<Idempotency.Outcome<RedemptionResponse>> result = new ArrayList<>(java.util.Collections.nCopies(requests.size(), null));
        for (int j = 0; j < taken.size(); j++) {
            result.set(taken.get(j), new Idempotency.Outcome<>(responses.get(j), true));
        }
        return result;
    }
}
