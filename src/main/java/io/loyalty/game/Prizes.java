package io.loyalty.game;

import io.loyalty.ledger.EntryType;
import io.loyalty.ledger.Ledger;
import io.loyalty.ledger.LedgerEntry;
import io.loyalty.ledger.PointLot;
import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import io.loyalty.reward.ProgrammeIssuer;
import io.loyalty.reward.RedemptionLifecycle;
import io.loyalty.reward.RedemptionOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pays and takes back prizes: a catalogue reward is issued as a grant is (stock taken, a code), bonus points are
 * credited, when drawn, as an EARN lot with the programme's pending days and expiry, marked with the rule id
 * {@code game:<id>} or {@code challenge:<id>}. The points entry names no order on purpose: what a return reverses
 * in proportion is what the order's earning rules gave, not a prize (see {@link #revoke}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Prizes {

    private final ProgrammeIssuer issuer;
    private final RedemptionLifecycle lifecycle;
    private final Ledger ledger;

    Prizes(ProgrammeIssuer issuer, RedemptionLifecycle lifecycle, Ledger ledger) {
        this.issuer = issuer;
        this.lifecycle = lifecycle;
        this.ledger = ledger;
    }

    /** What was paid: a redemption (and its code) or a ledger entry of points. */
    public record Paid(UUID rewardId, UUID redemptionId, String code, Long points, UUID ledgerEntryId) {
        OrderGamification.Prize view() {
            return new OrderGamification.Prize(rewardId, redemptionId, code, points);
        }
    }

    /** Pays a prize to a locked membership; empty when the reward cannot be given (out of stock or codes). */
    public Optional<Paid> pay(Programme p, Membership m, UUID rewardId, Long points, RedemptionOrigin origin,
                              String ruleId, String reason, Instant at, UUID apiKeyId) {
        if (rewardId != null) {
            return issuer.issuePrize(m, rewardId, origin, reason, apiKeyId)
                    .map(r -> new Paid(rewardId, r.id(), r.code(), null, null));
        }
        LedgerEntry e = ledger.credit(m, EntryType.EARN, points, at.plus(Duration.ofDays(p.pendingDays)),
                p.expiry.expiresAt(at, p.zone()), Ledger.Source.of(apiKeyId, at).rule(ruleId, null).because(reason));
        return Optional.of(new Paid(null, null, null, points, e.id));
    }

    /**
     * Takes back what is left of a prize after its order came back: an ISSUED reward is cancelled, and bonus points
     * still unspent in their lot are reversed; a reward used (or expired) and points spent are kept. Never leaves
     * a debt.
     *
     * @return what was done, for the audit trail
     */
    public String revoke(Membership m, UUID redemptionId, UUID ledgerEntryId, String ruleId, String reason,
                         UUID orderId, UUID returnId, UUID apiKeyId, Instant now) {
        if (redemptionId != null) {
            return lifecycle.cancelUnusedPrize(redemptionId, reason, apiKeyId)
                    ? "reward cancelled (unused)" : "reward kept (already used, expired or cancelled)";
        }
        List<PointLot> lots = ledger.lotsOf(List.of(ledgerEntryId));
        PointLot lot = lots.isEmpty() ? null : lots.get(0);
        long left = lot == null || (lot.expiresAt != null && !lot.expiresAt.isAfter(now)) ? 0 : lot.remaining;
        if (left == 0) {
            return "points kept (already spent or expired)";
        }
        ledger.debit(m, EntryType.REVERSE, left, lots,
                Ledger.Source.of(apiKeyId, now).order(orderId).returned(returnId).rule(ruleId, null).because(reason));
        return left + " unspent points reversed" + (lot.points > left ? ", " + (lot.points - left) + " spent kept" : "");
    }
}
