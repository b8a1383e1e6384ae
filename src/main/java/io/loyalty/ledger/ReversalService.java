package io.loyalty.ledger;

import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import io.loyalty.programme.RuleState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Takes back points an order earned, when it comes back. Each EARN entry of the order is reversed as much as
 * the caller says, out of its own lot (points already spent leave a debt), and what is reversed is given back
 * to the caps of the day the order was placed. Runs in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReversalService {

    private final EntityManager em;
    private final Ledger ledger;
    private final RuleState ruleState;

    ReversalService(EntityManager em, Ledger ledger, RuleState ruleState) {
        this.em = em;
        this.ledger = ledger;
        this.ruleState = ruleState;
    }

    /** How many points of one credit to take back now. */
    @FunctionalInterface
    public interface Share {
        long points(long earned, long alreadyReversed, Integer[] basisLines);
    }

    /** Points taken back in one programme, and the balance afterwards (negative: a debt). */
    public record Reversed(UUID programmeId, long points, long balance) {
    }

    public List<Reversed> reverseOrder(UUID orderId, Instant placedAt, Ledger.Source source, Share share) {
        List<LedgerEntry> entries = LedgerEntry.list("orderId = ?1 and type in ?2 order by id", orderId,
                List.of(EntryType.EARN, EntryType.REVERSE));
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<UUID, Membership> memberships = new HashMap<>();
        for (Membership m : em.createQuery("from Membership where id in :ids order by id", Membership.class)
                .setParameter("ids", entries.stream().map(e -> e.membershipId).distinct().toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            memberships.put(m.id, m);
        }
        Map<UUID, Long> reversedPerMembership = new LinkedHashMap<>();
        for (LedgerEntry earn : entries) {
            if (earn.type != EntryType.EARN) {
                continue;
            }
            long already = -entries.stream()
                    .filter(e -> e.type == EntryType.REVERSE && e.membershipId.equals(earn.membershipId)
                            && Objects.equals(e.ruleId, earn.ruleId))
                    .mapToLong(e -> e.points).sum();
            long now = share.points(earn.points, already, earn.basisLines);
            if (now <= 0) {
                continue;
            }
            Membership m = memberships.get(earn.membershipId);
            ledger.debit(m, EntryType.REVERSE, now, ledger.lotsOf(List.of(earn.id)),
                    source.rule(earn.ruleId, earn.basisLines));
            if (earn.ruleId != null) {
                ruleState.giveBackUsage(m.id, earn.ruleId, day(placedAt, m.programmeId), now);
            }
            reversedPerMembership.merge(m.id, now, Long::sum);
        }
        List<Reversed> result = new ArrayList<>();
        reversedPerMembership.forEach((id, points) ->
                result.add(new Reversed(memberships.get(id).programmeId, points, memberships.get(id).balance)));
        return result;
    }

    /** The day something happened in the programme's time zone: the day its caps counted it on. */
    public static LocalDate day(Instant at, UUID programmeId) {
        Programme p = Programme.findById(programmeId);
        return at.atZone(p.zone()).toLocalDate();
    }
}
