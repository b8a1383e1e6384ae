package io.loyalty.programme;

import io.loyalty.common.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The stamp cards of the memberships a batch of orders locked ahead ({@link MembershipService#lockForEarning}): read in
 * one statement after the locks, changed in memory order by order ({@link RuleState#addStamps}), and written in one
 * statement just before the transaction commits, instead of an upsert per order and stamp rule (a tenth of a batch
 * writer's time in a profile of the orders benchmark). Exact because every writer of a card holds its membership's
 * lock, which the batch holds to its end; nothing in an order's transaction reads a card with SQL after this.
 */
@ApplicationScoped
class StampCardsAhead {
    private static final String KEY = StampCardsAhead.class.getName();

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transaction;

    StampCardsAhead(EntityManager em, TransactionSynchronizationRegistry transaction) {
        this.em = em;
        this.transaction = transaction;
    }

    /** A card as stored; {@code lastCompleted} counts the cards its latest addition completed. */
    private static final class Card {
        int stamps;
        int completed;
        int lastCompleted;
        int debt;
    }

    /** The cards held by one transaction, by membership and rule, and those changed since they were read. */
    private static final class Held {
        final Set<UUID> memberships = new HashSet<>();
        final Map<UUID, Map<String, Card>> cards = new HashMap<>();
        final Set<Map.Entry<UUID, String>> changed = new LinkedHashSet<>();
    }

    /** Reads the cards of these memberships, which the caller has locked, for the rest of the transaction. */
    void load(Collection<UUID> membershipIds) {
        if (membershipIds.isEmpty()) {
            return;
        }
        Held held = held();
        List<UUID> toRead = membershipIds.stream().filter(m -> !held.memberships.contains(m)).toList();
        if (toRead.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT membership_id, rule_id, stamps, completed, last_completed, debt FROM stamp_card
                    WHERE membership_id = ANY (?)""")) {
                s.setArray(1, c.createArrayOf("uuid", toRead.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Card card = new Card();
                        card.stamps = rs.getInt(3);
                        card.completed = rs.getInt(4);
                        card.lastCompleted = rs.getInt(5);
                        card.debt = rs.getInt(6);
                        held.cards.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>()).put(rs.getString(2), card);
                    }
                }
            }
        });
        held.memberships.addAll(toRead);
    }

    /**
     * Adds stamps as {@link RuleState#addStamps} does in SQL: debt left by returns is paid first, full cards complete.
     * @return the card afterwards, or null when the membership's cards were not read ahead in this transaction
     */
    RuleState.StampResult add(UUID membershipId, String ruleId, long stamps, int required) {
        Held held = transaction.getTransactionKey() == null ? null : (Held) transaction.getResource(KEY);
        if (held == null || !held.memberships.contains(membershipId)) {
            return null;
        }
        Card card = held.cards.computeIfAbsent(membershipId, k -> new HashMap<>()).computeIfAbsent(ruleId, k -> new Card());
        int added = Math.toIntExact(stamps);
        int total = card.stamps + Math.max(added - card.debt, 0);
        card.stamps = total % required;
        card.lastCompleted = total / required;
        card.completed += card.lastCompleted;
        card.debt = Math.max(card.debt - added, 0);
        held.changed.add(Map.entry(membershipId, ruleId));
        return new RuleState.StampResult(card.stamps, card.lastCompleted);
    }

    /** This transaction's cards, registering their write before its commit the first time. */
    private Held held() {
        Held held = (Held) transaction.getResource(KEY);
        if (held == null) {
            Held created = new Held();
            transaction.putResource(KEY, created);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(created);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            held = created;
        }
        return held;
    }

    private void write(Held held) {
        if (held.changed.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(held.changed.size());
        for (Map.Entry<UUID, String> key : held.changed) {
            Card card = held.cards.get(key.getKey()).get(key.getValue());
            rows.add(new Object[]{key.getKey(), key.getValue(), card.stamps, card.completed, card.lastCompleted, card.debt});
        }
        held.changed.clear();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO stamp_card (membership_id, rule_id, stamps, completed, last_completed, debt)
                    SELECT * FROM unnest(?::uuid[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[])
                    ON CONFLICT (membership_id, rule_id) DO UPDATE
                      SET stamps = EXCLUDED.stamps, completed = EXCLUDED.completed,
                          last_completed = EXCLUDED.last_completed, debt = EXCLUDED.debt""")) {
                String[] types = {"uuid", "text", "int4", "int4", "int4", "int4"};
                for (int i = 0; i < types.length; i++) {
                    int column = i;
                    s.setArray(i + 1, NativeSql.column(c, types[i], rows, r -> r[column]));
                }
                s.executeUpdate();
            }
        });
    }
}
