package io.loyalty.demo;

import io.loyalty.demo.DemoCrowd.Habit;
import io.loyalty.demo.DemoCrowd.Shopper;
import io.loyalty.demo.DemoCrowd.Visit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's simulated customers: the same every start, never in the future, each habit as it says. */
class DemoCrowdTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final List<Shopper> crowd = DemoCrowd.simulate(DemoSeeder.SEED, NOW, DemoSeeder.CUSTOMERS, DemoSeeder.SIZE);

    @Test
    void theSameSeedGivesTheSameCrowd() {
        assertEquals(crowd, DemoCrowd.simulate(DemoSeeder.SEED, NOW, DemoSeeder.CUSTOMERS, DemoSeeder.SIZE));
    }

    @Test
    void threeHundredDistinctCustomersTheNamedOnesFirst() {
        assertEquals(300, crowd.size());
        assertEquals(300, crowd.stream().map(s -> s.customer().externalId()).distinct().count());
        assertEquals(300, crowd.stream().map(s -> String.valueOf(s.customer().email())).distinct().count());
        assertEquals(DemoSeeder.CUSTOMERS, crowd.subList(0, 5).stream().map(Shopper::customer).toList());
        assertEquals("demo-0300", crowd.get(299).customer().externalId());
        assertEquals(Habit.LOYAL, crowd.get(0).habit());
        assertNotNull(crowd.get(0).joinsCard(), "demo-0001 is a card member");
    }

    @Test
    void visitsAreInTimeOrderInTheFifteenMonthsBeforeNowAndAddUp() {
        Instant earliest = NOW.minus(Duration.ofDays(DemoCrowd.DAYS + 1));
        for (Shopper s : crowd) {
            Instant previous = Instant.MIN;
            for (Visit v : s.visits()) {
                Instant at = v.placedAt().toInstant();
                assertTrue(at.isBefore(NOW) && at.isAfter(earliest), s.customer().externalId() + " " + at);
                assertFalse(at.isBefore(previous), s.customer().externalId() + " out of order");
                previous = at;
                assertTrue(DemoCrowd.CHANNELS.contains(v.channel()));
                assertTrue(v.total().signum() > 0);
            }
            if (s.joinsCard() != null) {
                assertFalse(s.joinsCard().toInstant().isBefore(DemoCrowd.launch(NOW)), "joins the card before its launch");
                assertTrue(s.visits().stream().anyMatch(v -> !v.placedAt().isBefore(s.joinsCard())),
                        s.customer().externalId() + " joins the card after its last visit");
            }
        }
    }

    @Test
    void everyHabitBehavesAsItsNameSays() {
        Map<Habit, List<Shopper>> byHabit = crowd.stream().collect(Collectors.groupingBy(Shopper::habit));
        assertEquals(Set.of(Habit.values()), byHabit.keySet());
        byHabit.get(Habit.ONE_TIMER).forEach(s -> assertEquals(1, s.visits().size()));
        byHabit.get(Habit.NEW).forEach(s -> assertTrue(first(s).isAfter(NOW.minus(Duration.ofDays(93)))));
        byHabit.get(Habit.LOYAL).forEach(s -> assertTrue(s.visits().size() >= 10, s.customer().externalId() + " "
                + s.visits().size()));
        for (Shopper s : byHabit.get(Habit.REACTIVATED)) {
            assertTrue(last(s).isAfter(NOW.minus(Duration.ofDays(61))));
            assertTrue(longestGapDays(s) > 150, s.customer().externalId() + " has no long gap");
        }
        for (Shopper s : byHabit.get(Habit.FADED)) {
            assertTrue(s.visits().size() >= 8 && last(s).isBefore(NOW.minus(Duration.ofDays(90))));
        }
        assertTrue(byHabit.get(Habit.LAPSING).stream().allMatch(s -> last(s).isBefore(NOW.minus(Duration.ofDays(50)))));
    }

    @Test
    void firstOrdersFallInEveryMonthAndSomeOrdersComeBack() {
        Set<String> cohorts = new HashSet<>();
        crowd.stream().filter(s -> !s.visits().isEmpty())
                .forEach(s -> cohorts.add(s.visits().get(0).placedAt().toString().substring(0, 7)));
        assertTrue(cohorts.size() >= 15, "cohorts " + cohorts);
        Map<DemoCrowd.Refund, Long> refunds = crowd.stream().flatMap(s -> s.visits().stream())
                .collect(Collectors.groupingBy(Visit::refund, Collectors.counting()));
        assertTrue(refunds.get(DemoCrowd.Refund.FULL) > 20 && refunds.get(DemoCrowd.Refund.PARTIAL) > 40, refunds.toString());
        long members = crowd.stream().filter(s -> s.joinsCard() != null).count();
        assertTrue(members > 50 && members < 200, members + " card members");
        assertNull(crowd.stream().filter(s -> s.habit() == Habit.ONE_TIMER).map(Shopper::joinsCard)
                .filter(j -> j != null).findAny().orElse(null));
        Map<String, Long> channels = crowd.stream().flatMap(s -> s.visits().stream())
                .collect(Collectors.groupingBy(Visit::channel, Collectors.counting()));
        assertEquals(Set.copyOf(DemoCrowd.CHANNELS), channels.keySet());
        assertTrue(channels.values().stream().allMatch(c -> c > 200), channels.toString());
    }

    private static Instant first(Shopper s) {
        return s.visits().get(0).placedAt().toInstant();
    }

    private static Instant last(Shopper s) {
        return s.visits().get(s.visits().size() - 1).placedAt().toInstant();
    }

    private static long longestGapDays(Shopper s) {
        long longest = 0;
        for (int i = 1; i < s.visits().size(); i++) {
            longest = Math.max(longest, Duration.between(s.visits().get(i - 1).placedAt(), s.visits().get(i).placedAt()).toDays());
        }
        return longest;
    }
}
