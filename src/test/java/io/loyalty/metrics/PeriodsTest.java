package io.loyalty.metrics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodsTest {
    static final ZoneId UTC = ZoneId.of("UTC");

    static Instant at(String s) {
        return Instant.parse(s);
    }

    @Test
    void aCalendarWindowEndsOnTheSameLocalTime() {
        assertEquals(at("2025-02-28T00:00:00Z"), Periods.minus(at("2025-03-31T00:00:00Z"), Period.ofMonths(1), UTC));
        // Kolkata midnight of 1 April minus a month is Kolkata midnight of 1 March.
        assertEquals(at("2025-02-28T18:30:00Z"),
                Periods.minus(at("2025-03-31T18:30:00Z"), Period.ofMonths(1), ZoneId.of("Asia/Kolkata")));
        // Over a DST change a day is 23 hours: midnight stays midnight in New York.
        assertEquals(at("2025-03-09T05:00:00Z"),
                Periods.minus(at("2025-03-10T04:00:00Z"), Period.ofDays(1), ZoneId.of("America/New_York")));
    }

    @Test
    void stepsAreFromPlusWholeIntervalsAndTheLastEndsAtTo() {
        MetricsParams.Violations v = new MetricsParams.Violations();
        List<Instant> bounds = Periods.steps(at("2025-01-31T00:00:00Z"), at("2025-04-15T00:00:00Z"), UTC,
                Period.ofMonths(1), v, "interval");
        // Jan 31 + 2 months is Mar 31, not Feb 28 + 1 month.
        assertEquals(List.of(at("2025-01-31T00:00:00Z"), at("2025-02-28T00:00:00Z"), at("2025-03-31T00:00:00Z"),
                at("2025-04-15T00:00:00Z")), bounds);
        assertNull(Periods.steps(at("2020-01-01T00:00:00Z"), at("2025-01-01T00:00:00Z"), UTC, Period.ofDays(1), v, "interval"));
        assertTrue(!v.isEmpty());
    }

    @Test
    void bucketsAreCutAtFromAndTo() {
        MetricsParams.Violations v = new MetricsParams.Violations();
        assertEquals(List.of(at("2025-01-15T00:00:00Z"), at("2025-02-01T00:00:00Z"), at("2025-03-01T00:00:00Z"),
                        at("2025-03-10T00:00:00Z")),
                Periods.buckets(at("2025-01-15T00:00:00Z"), at("2025-03-10T00:00:00Z"), UTC, Periods.Granularity.MONTH, v));
        // Wednesday 1 January 2025 to Monday 13 January: the week of 30 December (cut), then 6 January.
        assertEquals(List.of(at("2025-01-01T00:00:00Z"), at("2025-01-06T00:00:00Z"), at("2025-01-13T00:00:00Z")),
                Periods.buckets(at("2025-01-01T00:00:00Z"), at("2025-01-13T00:00:00Z"), UTC, Periods.Granularity.WEEK, v));
        assertTrue(v.isEmpty());
    }

    @Test
    void labelsAreMonthsAndIsoWeeks() {
        assertEquals("2025-01", Periods.label(at("2025-01-31T20:00:00Z"), UTC, Periods.Granularity.MONTH));
        assertEquals("2025-02", Periods.label(at("2025-01-31T20:00:00Z"), ZoneId.of("Asia/Kolkata"), Periods.Granularity.MONTH));
        assertEquals("2025-W01", Periods.label(at("2024-12-30T00:00:00Z"), UTC, Periods.Granularity.WEEK));
        assertEquals("2025-W03", Periods.label(at("2025-01-19T23:00:00Z"), UTC, Periods.Granularity.WEEK));
        assertEquals("2020-W53", Periods.label(at("2021-01-03T12:00:00Z"), UTC, Periods.Granularity.WEEK));
    }
}
