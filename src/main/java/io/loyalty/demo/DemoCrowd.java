package io.loyalty.demo;

import io.loyalty.customer.CustomerRequest;
import io.loyalty.order.OrderRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The demo's customers and when they shop: a simulation from a fixed seed, so that every start gives the same
 * data, only shifted to end now. The habits are what the retention metrics look for: a loyal core, loyal
 * customers who faded away, occasional buyers, one-timers, customers who lapse after a few months, a few who
 * come back after a long gap, and new customers of the last quarter. Card members (the OPT_IN stamp card) come
 * back more often after joining, so members out-buy comparable non-members.
 */
final class DemoCrowd {
    /** Fifteen months: twelve monthly cohorts plus a quarter before them. */
    static final int DAYS = 456;
    /**
     * The day the programmes launched, nine months ago: the six months of orders before it are history the
     * shop brought along (imported, earning nothing), the orders since earn points and stamps.
     */
    static final int LAUNCH = DAYS - 274;
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    static final List<String> CHANNELS = List.of("web", "app", "store");
    private static final double MEMBER_BOOST = 1.5;

    enum Habit { LOYAL, FADED, OCCASIONAL, LAPSING, REACTIVATED, ONE_TIMER, NEW }

    enum Refund { NONE, PARTIAL, FULL }

    record Visit(OffsetDateTime placedAt, String channel, List<OrderRequest.Line> lines, BigDecimal shipping,
                 Refund refund) {
        BigDecimal total() {
            return lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                    .reduce(shipping, BigDecimal::add);
        }
    }

    /**
     * A customer, their habit, when they join the stamp card (null: never; always after the launch, just before a
     * visit) and their visits in time order.
     */
    record Shopper(CustomerRequest customer, Habit habit, OffsetDateTime joinsCard, List<Visit> visits) {
    }

    private record Item(String sku, String name, String category, String price) {
        OrderRequest.Line line(int quantity) {
            return new OrderRequest.Line(sku, name, category, quantity, new BigDecimal(price));
        }
    }

    private static final List<Item> MENU = List.of(
            new Item("CHAI", "Masala chai", "drinks", "60.00"),
            new Item("COFFEE", "Filter coffee", "drinks", "80.00"),
            new Item("SAMOSA", "Samosa", "snacks", "45.00"),
            new Item("VADA-PAV", "Vada pav", "snacks", "55.00"),
            new Item("CAKE", "Banana cake", "bakery", "120.00"),
            new Item("THALI", "Lunch thali", "meals", "180.00"));

    private static final List<String> FIRST = List.of("Aarav", "Ananya", "Arjun", "Diya", "Ishaan", "Kavya", "Kabir",
            "Lakshmi", "Manish", "Neha", "Nikhil", "Pooja", "Pranav", "Priya", "Rahul", "Riya", "Sahil", "Sana", "Siddharth",
            "Sneha", "Tanvi", "Varun", "Zoya", "Aditi", "Farhan", "Gauri", "Harsh", "Ira", "Jaya", "Om");
    private static final List<String> LAST = List.of("Agarwal", "Bose", "Chopra", "Das", "Fernandes", "Gupta", "Hegde",
            "Iyer", "Joshi", "Kapoor", "Khan", "Kulkarni", "Mehta", "Menon", "Nair", "Pillai", "Rao", "Reddy", "Saxena",
            "Sen", "Shah", "Singh", "Thomas", "Verma", "Yadav");

    private final Random random;
    private final Instant now;
    private final LocalDate firstDay;

    private DemoCrowd(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
        this.firstDay = now.atZone(ZONE).toLocalDate().minusDays(DAYS);
    }

    /**
     * The named customers first (with the habits the README's examples rely on: demo-0001 is a loyal card
     * member), then {@code size - named} generated ones, demo-0006 onwards.
     */
    static List<Shopper> simulate(long seed, Instant now, List<CustomerRequest> named, int size) {
        return new DemoCrowd(seed, now).shoppers(named, size);
    }

    private List<Shopper> shoppers(List<CustomerRequest> named, int size) {
        List<Habit> habits = new ArrayList<>();
        int[] counts = {45, 12, 80, 55, 15, 48, 45}; // in Habit order; 300 in all
        for (Habit h : Habit.values()) {
            habits.addAll(Collections.nCopies(counts[h.ordinal()], h));
        }
        List<Habit> first = List.of(Habit.LOYAL, Habit.LOYAL, Habit.OCCASIONAL, Habit.LAPSING, Habit.ONE_TIMER);
        first.subList(0, named.size()).forEach(habits::remove);
        Collections.shuffle(habits, random);
        List<Shopper> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean isNamed = i < named.size();
            CustomerRequest customer = isNamed ? named.get(i) : person(i + 1);
            Habit habit = isNamed ? first.get(i) : habits.get(i - named.size());
            result.add(shopper(customer, habit, i == 0 ? 1.0 : cardChance(habit), i == 0 ? 1.5 : 1.0));
        }
        return result;
    }

    private CustomerRequest person(int n) {
        String first = FIRST.get(random.nextInt(FIRST.size()));
        String last = LAST.get(random.nextInt(LAST.size()));
        String phone = random.nextDouble() < 0.6 ? String.format("+91 9%04d %05d", random.nextInt(10000), random.nextInt(100000)) : null;
        LocalDate birth = random.nextDouble() < 0.5 ? LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12),
                1 + random.nextInt(28)) : null;
        return new CustomerRequest(String.format("demo-%04d", n),
                (first + "." + last + "." + n + "@example.com").toLowerCase(), first, last, phone, birth,
                random.nextBoolean());
    }

    private static double cardChance(Habit habit) {
        return switch (habit) {
            case LOYAL -> 0.7;
            case FADED -> 0.4;
            case OCCASIONAL, REACTIVATED -> 0.3;
            case NEW -> 0.2;
            case LAPSING -> 0.15;
            case ONE_TIMER -> 0;
        };
    }

    /** Visits as a Poisson process (exponential gaps) at a rate per day drawn per customer, within the habit's span. */
    private Shopper shopper(CustomerRequest customer, Habit habit, double cardChance, double appetite) {
        double start;
        double end = DAYS;
        double rate;
        switch (habit) {
            case LOYAL -> { start = uniform(0, 150); rate = uniform(0.07, 0.12); }
            case FADED -> { start = uniform(0, 60); rate = uniform(0.08, 0.12); end = start + uniform(150, 260); }
            case OCCASIONAL -> { start = uniform(0, 420); rate = uniform(0.012, 0.035); }
            case LAPSING -> { start = uniform(0, 300); rate = uniform(0.04, 0.08); end = start + uniform(20, 100); }
            case REACTIVATED -> { start = uniform(0, 150); rate = uniform(0.05, 0.08); end = start + uniform(40, 100); }
            case ONE_TIMER -> { start = uniform(0, DAYS - 1); rate = 0; }
            default -> { start = uniform(DAYS - 92, DAYS - 1); rate = uniform(0.02, 0.08); }
        }
        boolean member = random.nextDouble() < cardChance;
        int joinAt = member ? random.nextInt(3) : -1;
        String channel = pick(CHANNELS, new double[]{0.45, 0.35, 0.20});
        int basket = 1 + random.nextInt(3);
        List<Visit> visits = new ArrayList<>();
        OffsetDateTime joins = null;
        int sinceLaunch = 0;
        for (double t = start; t < end && t < DAYS; t += gap(rate * appetite * (joins != null ? MEMBER_BOOST : 1))) {
            Visit v = visit(t, channel, basket);
            if (v == null) {
                break;
            }
            if (t >= LAUNCH && sinceLaunch++ == joinAt) {
                joins = v.placedAt().minusMinutes(5);
            }
            visits.add(v);
        }
        if (habit == Habit.REACTIVATED) {
            // Back after a long gap (well over the 90-day activity window) in the last two months.
            for (double t = uniform(DAYS - 60, DAYS - 5); t < DAYS; t += gap(0.05)) {
                Visit v = visit(t, channel, basket);
                if (v == null) {
                    break;
                }
                visits.add(v);
            }
        }
        visits.sort(Comparator.comparing(Visit::placedAt)); // two visits on one day come in random order
        return new Shopper(customer, habit, joins, visits);
    }

    /** When the programmes launched: midnight of day {@link #LAUNCH}. */
    static Instant launch(Instant now) {
        return now.atZone(ZONE).toLocalDate().minusDays(DAYS - LAUNCH).atStartOfDay(ZONE).toInstant();
    }

    /** A visit on day {@code t} of the history during opening hours; null when that would be in the future. */
    private Visit visit(double t, String usual, int basket) {
        OffsetDateTime placedAt = firstDay.plusDays((long) t).atTime(8, 0).atZone(ZONE)
                .plusMinutes(random.nextInt(13 * 60)).toOffsetDateTime();
        if (placedAt.toInstant().isAfter(now.minusSeconds(120))) {
            return null;
        }
        String channel = random.nextDouble() < 0.8 ? usual : CHANNELS.get(random.nextInt(CHANNELS.size()));
        boolean party = random.nextDouble() < 0.03;
        int items = party ? 3 + random.nextInt(3) : 1 + random.nextInt(basket);
        List<Item> menu = new ArrayList<>(MENU);
        Collections.shuffle(menu, random);
        if (random.nextDouble() < 0.5) {
            menu.remove(MENU.get(0));
            menu.add(0, MENU.get(0)); // chai is what most come for
        }
        List<OrderRequest.Line> lines = new ArrayList<>();
        for (Item item : menu.subList(0, items)) {
            lines.add(item.line(party ? 4 + random.nextInt(5) : 1 + random.nextInt(2)));
        }
        BigDecimal shipping = !channel.equals("store") && random.nextDouble() < 0.3 ? new BigDecimal("30.00") : BigDecimal.ZERO;
        int units = lines.stream().mapToInt(OrderRequest.Line::quantity).sum();
        double r = random.nextDouble();
        Refund refund = r < 0.02 ? Refund.FULL : r < 0.06 && units > 1 ? Refund.PARTIAL : Refund.NONE;
        return new Visit(placedAt, channel, lines, shipping, refund);
    }

    private double gap(double rate) {
        return rate <= 0 ? Double.POSITIVE_INFINITY : Math.max(0.2, -Math.log(1 - random.nextDouble()) / rate);
    }

    private double uniform(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    private <T> T pick(List<T> values, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < values.size() - 1; i++) {
            r -= weights[i];
            if (r < 0) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
