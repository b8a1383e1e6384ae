package io.loyalty.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The business series in /q/metrics. Counts made inside a transaction are applied only when it commits: a
 * replayed order does all its work and rolls back, and must not count twice. Series are tagged by
 * programme id (there are tens of programmes, not millions) and small enums, never by customer or order.
 */
@ApplicationScoped
public class BusinessMetrics {
    public static final String ORDERS_ACCRUED = "loyalty.orders.accrued";
    public static final String POINTS = "loyalty.points";
    public static final String REDEMPTIONS = "loyalty.redemptions";
    public static final String IMPORT_ROWS = "loyalty.import.rows";
    public static final String ORDER_BATCHES = "loyalty.orders.batch";
    public static final String REDEMPTION_BATCHES = "loyalty.redemptions.batch";

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    BusinessMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** A transaction of the order writer committed this many orders (1 when an order was written on its own). */
    public void orderBatch(int orders) {
        io.micrometer.core.instrument.DistributionSummary.builder(ORDER_BATCHES)
                .description("Orders written per transaction").baseUnit("orders")
                .register(registry).record(orders);
    }

    /** A batch of orders that failed and was tried again without the order that failed it, or given up. */
    public void orderBatchRetried() {
        registry.counter(ORDER_BATCHES + ".failed").increment();
    }

    /** A transaction of the redemption writer committed this many redemptions (1 when one was written on its own). */
    public void redemptionBatch(int redemptions) {
        io.micrometer.core.instrument.DistributionSummary.builder(REDEMPTION_BATCHES)
                .description("Redemptions written per transaction").baseUnit("redemptions")
                .register(registry).record(redemptions);
    }

    /** A batch of redemptions that failed and was tried again without the one that failed it, or given up. */
    public void redemptionBatchRetried() {
        registry.counter(REDEMPTION_BATCHES + ".failed").increment();
    }

    /** An order that went through accrual in these programmes. */
    public void orderAccrued(Collection<UUID> programmeIds) {
        for (UUID p : programmeIds) {
            count(ORDERS_ACCRUED, Tags.of("programme", p.toString()), 1);
        }
    }

    /**
     * A ledger entry: {@code movement} is issued, redeemed, expired, reversed, refunded or adjusted; the amount
     * is counted as a positive number in the {@code direction} it moved the balance.
     */
    public void points(UUID programmeId, String movement, long signedPoints) {
        count(POINTS, Tags.of("programme", programmeId.toString(), "movement", movement,
                "direction", signedPoints < 0 ? "debit" : "credit"), Math.abs(signedPoints));
    }

    /** A redemption of a reward of this programme entered this status (ISSUED, USED, CANCELLED, EXPIRED). */
    public void redemption(UUID programmeId, Enum<?> status) {
        count(REDEMPTIONS, Tags.of("programme", programmeId.toString(), "status", status.name().toLowerCase(Locale.ROOT)), 1);
    }

    /** Rows of a bulk import by what became of them. */
    public void importRows(long imported, long duplicates, long rejected) {
        count(IMPORT_ROWS, Tags.of("outcome", "imported"), imported);
        count(IMPORT_ROWS, Tags.of("outcome", "duplicate"), duplicates);
        count(IMPORT_ROWS, Tags.of("outcome", "rejected"), rejected);
    }

    private void count(String name, Tags tags, long amount) {
        if (amount <= 0) {
            return;
        }
        Counter counter = registry.counter(name, tags);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment(amount);
            return;
        }
        OnCommit pending = (OnCommit) transactions.getResource(OnCommit.class);
        if (pending == null) {
            pending = new OnCommit();
            transactions.putResource(OnCommit.class, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.add(counter, amount);
    }

    private static final class OnCommit implements Synchronization {
        private final List<Counter> counters = new ArrayList<>();
        private final List<Long> amounts = new ArrayList<>();

        void add(Counter counter, long amount) {
            counters.add(counter);
            amounts.add(amount);
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                for (int i = 0; i < counters.size(); i++) {
                    counters.get(i).increment(amounts.get(i));
                }
            }
        }
    }
}
