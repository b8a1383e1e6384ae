package io.loyalty.tier;

import java.time.Instant;
import java.util.List;

/**
 * The pure arithmetic of paid membership. Each payment covers [from, to); a new payment starts where the paid
 * time ends (or at the payment, after a lapse); a refund ends the period its payment bought at the refund (the
 * period never starts if it had not); a cancellation stops the paid time at its effective date.
 */
final class PaidPeriods {
    private PaidPeriods() {
    }

    record Cover(Instant from, Instant to) {
        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /**
     * Where a payment made at {@code paidAt} starts. A payment renews: a cancellation not yet in effect is
     * withdrawn, so the new period follows the last one; after a cancellation took effect it starts at payment.
     */
    static Instant nextStart(List<Cover> covers, Instant cancelAt, Instant paidAt) {
        Instant end = lastEnd(covers);
        if (end == null || !end.isAfter(paidAt) || (cancelAt != null && !cancelAt.isAfter(paidAt))) {
            return paidAt;
        }
        return end;
    }

    /** The end of a refunded payment's cover: the refund time, within the period it bought. */
    static Instant refundedEnd(Cover bought, Instant refundedAt) {
        if (refundedAt.isBefore(bought.from())) {
            return bought.from();
        }
        return refundedAt.isAfter(bought.to()) ? bought.to() : refundedAt;
    }

    /** Whether the member has paid benefits at {@code t}. */
    static boolean paidAt(List<Cover> covers, Instant cancelAt, Instant t) {
        if (cancelAt != null && !t.isBefore(cancelAt)) {
            return false;
        }
        return covers.stream().anyMatch(c -> c.contains(t));
    }

    /** The end of the last paid period, cut short by a cancellation; null when nothing was ever paid. */
    static Instant paidUntil(List<Cover> covers, Instant cancelAt) {
        Instant end = lastEnd(covers);
        if (end == null || cancelAt == null || end.isBefore(cancelAt)) {
            return end;
        }
        Instant firstFrom = covers.stream().filter(c -> c.to().isAfter(c.from())).map(Cover::from)
                .min(Instant::compareTo).orElse(cancelAt);
        return cancelAt.isBefore(firstFrom) ? firstFrom : cancelAt;
    }

    private static Instant lastEnd(List<Cover> covers) {
        return covers.stream().filter(c -> c.to().isAfter(c.from())).map(Cover::to).max(Instant::compareTo).orElse(null);
    }
}
