package io.loyalty.programme;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calendar arithmetic of expiry dates, without the application. */
public class ExpiryPolicyTest {
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final Instant EARNED = Instant.parse("2026-02-14T20:00:00Z"); // 15 Feb 01:30 in Kolkata

    static ExpiryPolicy endOf(ExpiryPolicy.CalendarPeriod period, int periods) {
        return new ExpiryPolicy(ExpiryPolicy.Type.END_OF_PERIOD, null, period, periods, null);
    }

    @Test
    void endOfPeriodCountsCalendarPeriodsInTheProgrammesZone() {
        assertEquals(Instant.parse("2026-02-28T18:30:00Z"), endOf(ExpiryPolicy.CalendarPeriod.MONTH, 0).expiresAt(EARNED, KOLKATA));
        assertEquals(Instant.parse("2026-03-31T18:30:00Z"), endOf(ExpiryPolicy.CalendarPeriod.MONTH, 1).expiresAt(EARNED, KOLKATA));
        assertEquals(Instant.parse("2026-03-31T18:30:00Z"), endOf(ExpiryPolicy.CalendarPeriod.QUARTER, 0).expiresAt(EARNED, KOLKATA));
        assertEquals(Instant.parse("2026-06-30T18:30:00Z"), endOf(ExpiryPolicy.CalendarPeriod.QUARTER, 1).expiresAt(EARNED, KOLKATA));
        assertEquals(Instant.parse("2027-12-31T18:30:00Z"), endOf(ExpiryPolicy.CalendarPeriod.YEAR, 1).expiresAt(EARNED, KOLKATA));
        // In UTC the same instant is still 14 February.
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), endOf(ExpiryPolicy.CalendarPeriod.MONTH, 0).expiresAt(EARNED, ZoneId.of("UTC")));
    }

    @Test
    void afterAddsAPeriodAndNeverAndInactivityHaveNoDateOfTheirOwn() {
        assertEquals(Instant.parse("2027-02-14T20:00:00Z"),
                new ExpiryPolicy(ExpiryPolicy.Type.AFTER, "P12M", null, null, null).expiresAt(EARNED, ZoneId.of("UTC")));
        assertNull(ExpiryPolicy.never().expiresAt(EARNED, KOLKATA));
        assertNull(new ExpiryPolicy(ExpiryPolicy.Type.INACTIVITY, null, null, null, 90).expiresAt(EARNED, KOLKATA));
    }

    @Test
    void invalidPoliciesNameTheirField() {
        assertEquals("expiry.after", new ExpiryPolicy(ExpiryPolicy.Type.AFTER, "P0D", null, null, null).problems().get(0)[0]);
        assertEquals("expiry.period", endOf(null, 1).problems().get(0)[0]);
        assertEquals("expiry.inactivityDays",
                new ExpiryPolicy(ExpiryPolicy.Type.INACTIVITY, null, null, null, 0).problems().get(0)[0]);
        assertTrue(ExpiryPolicy.never().problems().isEmpty());
    }
}
