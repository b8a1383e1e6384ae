package io.loyalty.programme;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static ExpiryPolicy after(String period) {
        return new ExpiryPolicy(ExpiryPolicy.Type.AFTER, period, null, null, null);
    }

    @Test
    void endOfPeriodFromALeapDay() {
        Instant leapDay = Instant.parse("2024-02-29T12:00:00Z");
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), endOf(ExpiryPolicy.CalendarPeriod.MONTH, 0).expiresAt(leapDay, UTC));
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), endOf(ExpiryPolicy.CalendarPeriod.MONTH, 12).expiresAt(leapDay, UTC));
        assertEquals(Instant.parse("2024-04-01T00:00:00Z"), endOf(ExpiryPolicy.CalendarPeriod.QUARTER, 0).expiresAt(leapDay, UTC));
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), endOf(ExpiryPolicy.CalendarPeriod.YEAR, 0).expiresAt(leapDay, UTC));
    }

    @Test
    void afterOnALeapDayOrAMonthsLastDayEndsOnTheLastDayOfAShorterMonth() {
        Instant leapDay = Instant.parse("2024-02-29T12:00:00Z");
        assertEquals(Instant.parse("2025-02-28T12:00:00Z"), after("P1Y").expiresAt(leapDay, UTC));
        assertEquals(Instant.parse("2028-02-29T12:00:00Z"), after("P4Y").expiresAt(leapDay, UTC));
        assertEquals(Instant.parse("2026-02-28T09:00:00Z"), after("P1M").expiresAt(Instant.parse("2026-01-31T09:00:00Z"), UTC));
        assertEquals(Instant.parse("2024-05-29T12:00:00Z"), after("P90D").expiresAt(leapDay, UTC));
    }

    @Test
    void quartersEndOnTheirCalendarBoundaries() {
        ExpiryPolicy thisQuarter = endOf(ExpiryPolicy.CalendarPeriod.QUARTER, 0);
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), thisQuarter.expiresAt(Instant.parse("2026-11-15T08:00:00Z"), UTC));
        assertEquals(Instant.parse("2027-04-01T00:00:00Z"),
                endOf(ExpiryPolicy.CalendarPeriod.QUARTER, 1).expiresAt(Instant.parse("2026-11-15T08:00:00Z"), UTC));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), thisQuarter.expiresAt(Instant.parse("2026-10-01T00:00:00Z"), UTC),
                "earned at the first instant of a quarter");
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), thisQuarter.expiresAt(Instant.parse("2026-09-30T23:59:59Z"), UTC),
                "earned at the last second of a quarter");
    }

    @Test
    void theYearOfEarningIsTheProgrammesLocalYear() {
        Instant newYearInKolkata = Instant.parse("2026-12-31T20:00:00Z"); // 1 January 2027, 01:30 in Kolkata
        ExpiryPolicy thisYear = endOf(ExpiryPolicy.CalendarPeriod.YEAR, 0);
        assertEquals(Instant.parse("2027-12-31T18:30:00Z"), thisYear.expiresAt(newYearInKolkata, KOLKATA));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), thisYear.expiresAt(newYearInKolkata, UTC));
    }

    @Test
    void localMidnightFollowsDaylightSavingTime() {
        ExpiryPolicy thisMonth = endOf(ExpiryPolicy.CalendarPeriod.MONTH, 0);
        // New York is UTC-5 in winter and UTC-4 from 8 March 2026.
        assertEquals(Instant.parse("2026-02-01T05:00:00Z"), thisMonth.expiresAt(Instant.parse("2026-01-15T12:00:00Z"), NEW_YORK));
        assertEquals(Instant.parse("2026-04-01T04:00:00Z"), thisMonth.expiresAt(Instant.parse("2026-03-15T12:00:00Z"), NEW_YORK));
        // A day after noon on 7 March is noon on 8 March: 23 hours across the change of clocks.
        assertEquals(Instant.parse("2026-03-08T16:00:00Z"), after("P1D").expiresAt(Instant.parse("2026-03-07T17:00:00Z"), NEW_YORK));
    }

    @Test
    void theLimitsOfEachPolicyAreInclusive() {
        assertTrue(endOf(ExpiryPolicy.CalendarPeriod.MONTH, 0).problems().isEmpty());
        assertTrue(endOf(ExpiryPolicy.CalendarPeriod.MONTH, 120).problems().isEmpty());
        assertEquals("expiry.periods", endOf(ExpiryPolicy.CalendarPeriod.MONTH, 121).problems().get(0)[0]);
        assertEquals("expiry.periods", endOf(ExpiryPolicy.CalendarPeriod.MONTH, -1).problems().get(0)[0]);
        assertTrue(new ExpiryPolicy(ExpiryPolicy.Type.INACTIVITY, null, null, null, 1).problems().isEmpty());
        assertTrue(new ExpiryPolicy(ExpiryPolicy.Type.INACTIVITY, null, null, null, 36500).problems().isEmpty());
        assertFalse(new ExpiryPolicy(ExpiryPolicy.Type.INACTIVITY, null, null, null, 36501).problems().isEmpty());
        assertFalse(new ExpiryPolicy(ExpiryPolicy.Type.INACTIVITY, null, null, null, null).problems().isEmpty());
    }

    @Test
    void eachProblemSaysWhatIsWrong() {
        assertEquals("must be an ISO-8601 period such as P12M or P90D", after("12 months").problems().get(0)[1]);
        assertEquals("must be an ISO-8601 period such as P12M or P90D", after(null).problems().get(0)[1]);
        assertEquals("must be a positive period", after("P-1M").problems().get(0)[1]);
        assertTrue(after("P90D").problems().isEmpty());
        assertEquals(List.of("expiry.type"), fields(new ExpiryPolicy(null, "P1M", null, null, null)));
        assertEquals(List.of("expiry.period", "expiry.periods"), fields(new ExpiryPolicy(ExpiryPolicy.Type.END_OF_PERIOD, null, null, null, null)));
    }

    static List<String> fields(ExpiryPolicy policy) {
        return policy.problems().stream().map(p -> p[0]).toList();
    }
}
