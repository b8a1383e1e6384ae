package io.loyalty.reward;

import io.loyalty.common.LoyaltyConfig;
import io.loyalty.common.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The units left of rewards with limited stock, kept in a few counter rows per reward (table reward_stock_slot)
 * rather than one column. A single counter made every redemption of a popular reward wait for the one row lock
 * until the redemption before it committed; with slots, parallel redemptions take their units from different
 * rows. The units left are the sum of the slots; an unlimited reward ({@code limitedStock} false) has none.
 * <p>
 * Lock order: a slot is locked after the membership (see {@link RedemptionIssuer}, {@link RedemptionLifecycle});
 * setting the stock locks the reward row, then all its slots in slot order. Taking or giving back a unit locks
 * one free slot (SKIP LOCKED). When every slot that qualifies is held by other transactions, it does not wait on
 * a row lock at first but tries again after a short pause: a locking query keeps the locks of rows it found emptied
 * meanwhile and passed over, so waiting transactions hold slots in no fixed order, and waiting on rows while
 * holding such slots deadlocked in the parallel tests. Only after {@link #POLLING} does it wait on a slot (in slot
 * order), where PostgreSQL's deadlock detection is the last resort. Within one transaction the slot it already
 * holds is used first, so a batch (expiry, referral bonuses) that takes or gives back many units of one reward
 * keeps to one row instead of collecting locks on several.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class RewardStock {
    /** How long a unit is looked for among slots held by others before waiting for one of their locks. */
    static final java.time.Duration POLLING = java.time.Duration.ofSeconds(1);
    private static final int MAX_PAUSE_MILLIS = 8;
    private static final String HELD = RewardStock.class.getName() + ".held";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transaction;
    private final int slots;

    RewardStock(EntityManager em, TransactionSynchronizationRegistry transaction, LoyaltyConfig config) {
        this.em = em;
        this.transaction = transaction;
        this.slots = config.rewards().stockSlots();
    }

    /**
     * Takes one unit; true when taken or the stock is unlimited, false only when no slot had a unit left
     * (committed) as the last attempt began. Slots held by other transactions are waited for, not counted out:
     * their transactions may roll back, or leave units in them.
     */
    boolean take(Reward reward) {
        return !reward.limitedStock || change(reward.id, -1);
    }

    /** Gives one unit back (cancelled, expired, or not issued after all) to one slot; nothing for unlimited stock. */
    void giveBack(Reward reward) {
        if (reward.limitedStock) {
            change(reward.id, +1);
        }
    }

    /** Adds {@code delta} to one slot; false when no slot qualifies (none with a unit to take, or none at all). */
    private boolean change(UUID rewardId, int delta) {
        long waitFrom = System.nanoTime() + POLLING.toNanos();
        int pause = 0;
        while (true) {
            Attempt attempt = attempt(rewardId, delta, System.nanoTime() < waitFrom);
            if (attempt.slot() != null) {
                return true;
            }
            if (!attempt.qualifying()) {
                return false;
            }
            pause = Math.min(MAX_PAUSE_MILLIS, pause + 1 + pause / 2);
            try {
                Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(pause) + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a stock slot of reward " + rewardId, e);
            }
        }
    }

    /**
     * Sets the units left (null: unlimited): all the reward's slots are locked in slot order, then rewritten
     * to hold the new stock spread over the configured number of slots.
     */
    void set(Reward reward, Integer stock) {
        em.createNativeQuery("SELECT slot FROM reward_stock_slot WHERE reward_id = :r ORDER BY slot FOR UPDATE")
                .setParameter("r", reward.id).getResultList();
        reward.limitedStock = stock != null;
        if (stock == null) {
            em.createNativeQuery("DELETE FROM reward_stock_slot WHERE reward_id = :r")
                    .setParameter("r", reward.id).executeUpdate();
            return;
        }
        int[] spread = StockSlots.spread(stock, slots);
        em.createNativeQuery("""
                        INSERT INTO reward_stock_slot (reward_id, slot, stock)
                        SELECT :r, CAST(t.n - 1 AS smallint), t.v FROM unnest(CAST(:stock AS int[])) WITH ORDINALITY AS t(v, n)
                        ON CONFLICT (reward_id, slot) DO UPDATE SET stock = excluded.stock""")
                .setParameter("r", reward.id)
                .setParameter("stock", java.util.Arrays.stream(spread).boxed().toArray(Integer[]::new))
                .executeUpdate();
        em.createNativeQuery("DELETE FROM reward_stock_slot WHERE reward_id = :r AND slot >= :n")
                .setParameter("r", reward.id).setParameter("n", slots).executeUpdate();
    }

    /** Units left per reward of limited stock (the sum of its slots); rewards of unlimited stock are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    Map<UUID, Integer> left(List<Reward> rewards) {
        List<UUID> limited = rewards.stream().filter(r -> r.limitedStock).map(r -> r.id).toList();
        Map<UUID, Integer> result = new HashMap<>();
        if (limited.isEmpty()) {
            return result;
        }
        limited.forEach(id -> result.put(id, 0));
        List<Object[]> sums = em.createNativeQuery("""
                        SELECT reward_id, sum(stock) FROM reward_stock_slot WHERE reward_id IN (:ids) GROUP BY reward_id""")
                .setParameter("ids", limited)
                .getResultList();
        sums.forEach(s -> result.put((UUID) s[0], ((Number) s[1]).intValue()));
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Integer left(Reward reward) {
        return left(List.of(reward)).get(reward.id);
    }

    /** The slot changed (null: none), and whether any slot qualified when the statement began. */
    private record Attempt(Integer slot, boolean qualifying) {
    }

    /**
     * One statement: adds {@code delta} to one slot that qualifies (a taking change needs a unit in it) and says
     * whether any qualified in the statement's snapshot, so that "none left" is a fresh read. The slot this
     * transaction already holds comes first. Skipping locked slots, the others follow from a random one on, and
     * none is changed when all that qualify are held by other transactions; otherwise the statement waits for
     * the first one in slot order and re-checks it once its holder has ended.
     */
    private Attempt attempt(UUID rewardId, int delta, boolean skipLocked) {
        Map<UUID, Integer> held = held();
        Integer mine = held.get(rewardId);
        // Names its table: a batch of redemptions keeps its other rows pending until it writes them all at its end.
        Object[] row = (Object[]) NativeSql.touching(em.createNativeQuery("""
                        WITH pick AS (
                            SELECT slot FROM reward_stock_slot WHERE reward_id = :r AND stock + :delta >= 0
                            ORDER BY slot = :mine DESC,
                                     slot < CAST(:start AS integer) % GREATEST((SELECT count(*) FROM reward_stock_slot
                                                                               WHERE reward_id = :r), 1),
                                     slot
                            LIMIT 1 FOR UPDATE""" + (skipLocked ? " SKIP LOCKED" : "") + """
                        ),
                        changed AS (
                            UPDATE reward_stock_slot s SET stock = s.stock + :delta FROM pick
                            WHERE s.reward_id = :r AND s.slot = pick.slot AND s.stock + :delta >= 0
                            RETURNING s.slot)
                        SELECT (SELECT slot FROM changed),
                               EXISTS (SELECT 1 FROM reward_stock_slot WHERE reward_id = :r AND stock + :delta >= 0)"""),
                        "reward_stock_slot")
                .setParameter("delta", delta)
                .setParameter("r", rewardId)
                .setParameter("mine", mine == null ? -1 : mine)
                // Drawn over the most slots a reward can have and reduced to the ones this reward has: a reward keeps
                // the number of slots it was given until its stock is set again, whatever the setting says now.
                .setParameter("start", skipLocked ? StockSlots.start(StockSlots.MAX) : 0)
                .getSingleResult();
        if (row[0] == null) {
            return new Attempt(null, (Boolean) row[1]);
        }
        int slot = ((Number) row[0]).intValue();
        held.put(rewardId, slot);
        return new Attempt(slot, true);
    }

    /** The slot of each reward this transaction has changed, so locked until it ends. */
    @SuppressWarnings("unchecked")
    private Map<UUID, Integer> held() {
        Map<UUID, Integer> held = (Map<UUID, Integer>) transaction.getResource(HELD);
        if (held == null) {
            held = new HashMap<>();
            transaction.putResource(HELD, held);
        }
        return held;
    }
}
