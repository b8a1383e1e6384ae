import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for POST /api/v1/redemptions (each request a new Idempotency-Key, a random customer).
 *   closed CONNECTIONS SECONDS: that many requests always in flight, for the maximum throughput;
 *   open RATE SECONDS: requests leave on schedule whatever the responses, latency measured from the
 *   moment each was due, so queueing in the server cannot hide.
 * Usage: java Redeem.java BASE_URL API_KEY REWARD_ID CUSTOMER_IDS_FILE closed|open N SECONDS
 */
public class Redeem {
    static final ConcurrentLinkedQueue<Long> LATENCIES = new ConcurrentLinkedQueue<>();
    static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentHashMap<>();
    static final AtomicLong SEQ = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String reward = args[2];
        List<String> customers = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
        String mode = args[4];
        int n = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger inFlight = new AtomicInteger();
        if (mode.equals("closed")) {
            for (int c = 0; c < n; c++) {
                send(client, base, key, reward, customers, run, System.nanoTime(), end, inFlight, true);
            }
            while (System.nanoTime() < end || inFlight.get() > 0) {
                Thread.sleep(10);
            }
        } else {
            long interval = 1_000_000_000L / n;
            long total = (long) n * seconds;
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                send(client, base, key, reward, customers, run, due, end, inFlight, false);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(LATENCIES);
        Collections.sort(sorted);
        System.out.printf("%s %d for %d s: %d responses in %.1f s = %.0f redemptions/s; statuses %s%n", mode, n, seconds,
                sorted.size(), elapsed, sorted.size() / elapsed, new TreeMap<>(STATUSES));
        System.out.printf("latency: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        System.exit(0);
    }

    static void send(HttpClient client, String base, String key, String reward, List<String> customers, String run,
                     long due, long end, AtomicInteger inFlight, boolean again) {
        String customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/redemptions"))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + run + "-" + SEQ.incrementAndGet())
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"customerId\":\"" + customer + "\",\"rewardId\":\"" + reward + "\"}")).build();
        inFlight.incrementAndGet();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            LATENCIES.add(System.nanoTime() - due);
            STATUSES.computeIfAbsent(error != null ? -1 : response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            inFlight.decrementAndGet();
            if (again && System.nanoTime() < end) {
                send(client, base, key, reward, customers, run, System.nanoTime(), end, inFlight, true);
            }
        });
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
