package io.loyalty.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lots of many memberships locked in one statement, for a batch of debits (redemptions written together) to pick
 * from in memory instead of reading {@link Ledger#spendableLots} once per debit. Their memberships must be locked
 * first, as for every lock of lots.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LotsAhead {
    private final EntityManager em;

    LotsAhead(EntityManager em) {
        this.em = em;
    }

    /**
     * The lots of these memberships with points left that have not expired at {@code at}, pending ones included,
     * each membership's oldest first (the order {@link Ledger#spendableLots} reads them in), locked. The entities
     * are the ones debits change, so a later debit of the batch sees what an earlier one took without a query;
     * {@link PointLot#isAvailableAt} tells which can be spent at a later instant.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, List<PointLot>> lock(Collection<UUID> membershipIds, Instant at) {
        Map<UUID, List<PointLot>> result = new HashMap<>();
        membershipIds.forEach(m -> result.put(m, new ArrayList<>()));
        if (membershipIds.isEmpty()) {
            return result;
        }
        List<PointLot> lots = em.createNativeQuery("""
                        SELECT * FROM point_lot WHERE membership_id = ANY (CAST(:m AS uuid[])) AND remaining > 0
                          AND (expires_at IS NULL OR expires_at > :at) ORDER BY membership_id, earned_at, entry_id FOR UPDATE""",
                        PointLot.class)
                .setParameter("m", membershipIds.stream().map(UUID::toString).toArray(String[]::new))
                .setParameter("at", at)
                .getResultList();
        lots.forEach(lot -> result.get(lot.membershipId).add(lot));
        return result;
    }
}
