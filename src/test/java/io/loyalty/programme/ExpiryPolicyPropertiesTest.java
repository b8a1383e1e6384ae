package io.loyalty.programme;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What holds for every END_OF_PERIOD expiry, whenever the points were earned. */
class ExpiryPolicyPropertiesTest {

    /** Zones whose clocks never change at midnight, so every period starts at a local 00:00. */
    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Asia/Kolkata", "America/New_York", "Australia/Sydney", "Europe/London",
                "Pacific/Chatham").map(ZoneId::of);
    }

    @Property
    void pointsExpireAtTheLocalStartOfTheMonthPeriodsPlusOneMonthsOn(
            @ForAll @LongRange(min = 946_684_800L, max = 4_102_444_800L) long earnedSecond, // 2000 to 2100
            @ForAll("zones") ZoneId zone,
            @ForAll ExpiryPolicy.CalendarPeriod period,
            @ForAll @IntRange(min = 0, max = 120) int periods) {
        Instant earned = Instant.ofEpochSecond(earnedSecond);
        Instant expires = new ExpiryPolicy(ExpiryPolicy.Type.END_OF_PERIOD, null, period, periods, null).expiresAt(earned, zone);
        assertTrue(expires.isAfter(earned), expires + " is not after " + earned);
        LocalDateTime local = LocalDateTime.ofInstant(expires, zone);
        assertEquals(LocalTime.MIDNIGHT, local.toLocalTime());
        assertEquals(1, local.getDayOfMonth());
        LocalDateTime earnedLocal = LocalDateTime.ofInstant(earned, zone);
        long months = ChronoUnit.MONTHS.between(earnedLocal.toLocalDate().withDayOfMonth(1), local.toLocalDate());
        switch (period) {
            case MONTH -> assertEquals(periods + 1L, months);
            case QUARTER -> {
                assertEquals(0, (local.getMonthValue() - 1) % 3, "a quarter starts in January, April, July or October");
                assertEquals(3L * periods + 3 - (earnedLocal.getMonthValue() - 1) % 3, months);
            }
            case YEAR -> {
                assertEquals(1, local.getMonthValue());
                assertEquals(earnedLocal.getYear() + periods + 1, local.getYear());
            }
        }
    }
}
