package io.loyalty.ledger;

import io.loyalty.programme.Membership;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The parts of {@link Ledger} that need no database: the audit source of an entry and the credit record.
 * Lot selection (oldest first) and debt repayment are SQL and are covered by the application tests.
 */
class LedgerRecordsTest {
    static final UUID KEY = UUID.fromString("0190c3a4-0000-7000-8000-00000000000a");
    static final UUID ORDER = UUID.fromString("0190c3a4-0000-7000-8000-00000000000b");
    static final UUID RETURN = UUID.fromString("0190c3a4-0000-7000-8000-00000000000c");
    static final UUID REDEMPTION = UUID.fromString("0190c3a4-0000-7000-8000-00000000000d");
    static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void aSourceCollectsWhereAnEntryCameFromOneFactAtATime() {
        Ledger.Source source = Ledger.Source.of(KEY, AT).order(ORDER).rule("spend", new Integer[]{1, 3})
                .returned(RETURN).redemption(REDEMPTION).because("goodwill");
        assertEquals(ORDER, source.orderId());
        assertEquals(RETURN, source.returnId());
        assertEquals(REDEMPTION, source.redemptionId());
        assertEquals("spend", source.ruleId());
        assertArrayEquals(new Integer[]{1, 3}, source.basisLines());
        assertEquals("goodwill", source.reason());
        assertEquals(KEY, source.apiKeyId());
        assertEquals(AT, source.occurredAt());
    }

    @Test
    void aNewSourceNamesOnlyTheCallerAndTheTime() {
        Ledger.Source source = Ledger.Source.of(KEY, AT);
        assertNull(source.orderId());
        assertNull(source.returnId());
        assertNull(source.redemptionId());
        assertNull(source.ruleId());
        assertNull(source.basisLines());
        assertNull(source.reason());
    }

    @Test
    void eachStepOfASourceLeavesTheOthersAsTheyWere() {
        Ledger.Source base = Ledger.Source.of(KEY, AT).order(ORDER);
        Ledger.Source withReason = base.because("late delivery");
        assertNull(base.reason(), "a source is a value: the step made a new one");
        assertEquals(ORDER, withReason.orderId());
        assertEquals(ORDER, base.returned(RETURN).orderId());
        assertEquals(RETURN, base.returned(RETURN).returnId());
    }

    @Test
    void aCreditIsPositive() {
        Membership m = new Membership();
        Ledger.Source source = Ledger.Source.of(KEY, AT);
        assertThrows(IllegalArgumentException.class, () -> new Ledger.Credit(m, EntryType.EARN, 0, AT, null, source));
        assertThrows(IllegalArgumentException.class, () -> new Ledger.Credit(m, EntryType.EARN, -5, AT, null, source));
        assertEquals(1, new Ledger.Credit(m, EntryType.EARN, 1, AT, null, source).points());
    }

    @Test
    void aCreditIsEarnedWhenItsSourceOccurredUnlessARefundKeepsTheOriginalLotsDate() {
        Membership m = new Membership();
        Ledger.Source source = Ledger.Source.of(KEY, AT);
        Instant available = Instant.parse("2026-03-24T12:00:00Z");
        Ledger.Credit earned = new Ledger.Credit(m, EntryType.EARN, 10, available, null, source);
        assertEquals(AT, earned.earnedAt());
        assertEquals(available, earned.availableFrom());
        Instant original = Instant.parse("2025-01-01T00:00:00Z");
        assertEquals(original, new Ledger.Credit(m, EntryType.REFUND, 10, original, AT, null, source).earnedAt());
    }
}
