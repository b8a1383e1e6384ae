import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load generator: sends POST /api/v1/orders at a fixed rate whatever the response times, and
 * measures each latency from the moment the request was due (so a slow server cannot hide its queueing).
 * Prints the latencies of all answers, then per status: how many 201 (created) and 503 (shed past capacity)
 * answers, with their own percentiles, so that fast refusals cannot flatter the figures of the orders taken.
 * Usage: java FixedRate.java BASE_URL API_KEY RATE SECONDS CUSTOMERS
 */
public class FixedRate {
    /** PLACED_AT=fixed: every order at one instant, as runs before 2026-11-28 did (see post-order.lua). */
    static final boolean FIXED = "fixed".equals(System.getenv("PLACED_AT"));

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int customers = Integer.parseInt(args[4]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        // status (0 for no answer: timeout or connection error) and latency of every request
        ConcurrentLinkedQueue<long[]> outcomes = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String body = String.format("{\"externalId\":\"fixed-%s-%d\",\"customerExternalId\":\"bench-c%d\","
                    + "\"placedAt\":\"%s\",\"currency\":\"INR\",\"total\":230.00,\"lines\":["
                    + "{\"sku\":\"CHAI\",\"category\":\"drinks\",\"quantity\":2,\"unitPrice\":60.00},"
                    + "{\"sku\":\"SAMOSA\",\"category\":\"snacks\",\"quantity\":2,\"unitPrice\":55.00}]}",
                    run, i, ThreadLocalRandom.current().nextInt(customers),
                    // placed now, as a storefront posts them (see post-order.lua)
                    FIXED ? "2026-01-15T10:00:00Z" : java.time.Instant.now().toString());
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                    .header("X-API-Key", key).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.incrementAndGet();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long latency = System.nanoTime() - due;
                latencies.add(latency);
                outcomes.add(new long[]{error != null ? 0 : response.statusCode(), latency});
                if (error != null || response.statusCode() != 201) {
                    failures.incrementAndGet();
                }
                inFlight.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("target %d orders/s for %d s: sent %d, completed %d in %.1f s, failed %d%n",
                rate, seconds, total, sorted.size(), elapsed, failures.get());
        System.out.printf("latency from due time: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        Map<Long, List<Long>> byStatus = new TreeMap<>();
        for (long[] o : outcomes) {
            byStatus.computeIfAbsent(o[0], s -> new ArrayList<>()).add(o[1]);
        }
        byStatus.forEach((status, list) -> {
            Collections.sort(list);
            System.out.printf("  %s: %d (%.1f %%)  p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                    status == 0 ? "no answer" : "HTTP " + status, list.size(), 100.0 * list.size() / total,
                    pct(list, 0.50), pct(list, 0.99), list.get(list.size() - 1) / 1e6);
        });
        System.exit(0);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
