import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The concurrency scenarios of RedemptionConcurrencyTest and OrderResourceTest, with every burst split
 * between two instances of the application on one database. Prints one line per scenario and the ids the
 * SQL checks need (KEY=value), and exits 1 when a scenario fails.
 * Usage: java TwoInstances.java BASE_URL_A BASE_URL_B API_KEY
 */
public class TwoInstances {
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static String key;
    static boolean failed;

    public static void main(String[] args) throws Exception {
        String a = args[0], b = args[1];
        key = args[2];
        String run = Long.toString(System.currentTimeMillis(), 36);

        String programme = id(post(a, "/api/v1/programmes", null, """
                {"name": "Two instances %s", "status": "ACTIVE", "currency": "INR", "enrolment": "AUTOMATIC",
                 "rules": [{"id": "spend", "type": "SPEND", "pointsPerUnit": 1}]}""".formatted(run)), 201);
        System.out.println("PROGRAMME=" + programme);

        // 1. Stock 3, 40 redemptions at once, half on each instance: exactly 3 succeed.
        String rich = customerWith(a, run + "-rich", 1000);
        String scarce = id(post(a, "/api/v1/rewards", null, """
                {"programmeId": "%s", "name": "Scarce %s", "type": "FREE_SHIPPING", "cost": 100, "stock": 3}"""
                .formatted(programme, run)), 201);
        System.out.println("SCARCE_REWARD=" + scarce);
        Map<Integer, Integer> stock = burst(40, i -> post(i % 2 == 0 ? a : b, "/api/v1/redemptions",
                UUID.randomUUID().toString(), redeem(rich, scarce)));
        check("stock 3, 40 parallel redemptions across both instances: exactly 3 succeed", stock,
                stock.getOrDefault(201, 0) == 3 && only(stock, 201, 409, 422));

        // 2. 500 points, a 100-point reward without stock limit, 20 at once: exactly 5 succeed.
        String modest = customerWith(a, run + "-modest", 500);
        String plenty = id(post(a, "/api/v1/rewards", null, """
                {"programmeId": "%s", "name": "Plenty %s", "type": "FREE_SHIPPING", "cost": 100}"""
                .formatted(programme, run)), 201);
        Map<Integer, Integer> points = burst(20, i -> post(i % 2 == 0 ? a : b, "/api/v1/redemptions",
                UUID.randomUUID().toString(), redeem(modest, plenty)));
        check("500 points, 20 parallel 100-point redemptions across both instances: exactly 5 succeed", points,
                points.getOrDefault(201, 0) == 5 && only(points, 201, 422));

        // 3. One Idempotency-Key sent 10 times at once to both instances: one redemption.
        String replayKey = UUID.randomUUID().toString();
        String keyed = customerWith(a, run + "-keyed", 500);
        Map<Integer, Integer> replays = burst(10, i -> post(i % 2 == 0 ? a : b, "/api/v1/redemptions", replayKey,
                redeem(keyed, plenty)));
        System.out.println("KEYED_CUSTOMER=" + keyed);
        check("one Idempotency-Key sent 10 times across both instances: one 201, the rest replays of it", replays,
                replays.getOrDefault(201, 0) == 1 && only(replays, 201, 200));

        // 4. The same order (same externalId and body) posted 20 times at once to both: one order.
        String buyer = customer(a, run + "-buyer");
        String externalId = "two-instances-" + run;
        String order = order(externalId, buyer, "250.00");
        Map<Integer, Integer> orders = burst(20, i -> post(i % 2 == 0 ? a : b, "/api/v1/orders", null, order));
        System.out.println("ORDER_EXTERNAL_ID=" + externalId);
        System.out.println("BUYER=" + buyer);
        check("one order posted 20 times at once across both instances: one 201, the rest replays", orders,
                orders.getOrDefault(201, 0) == 1 && only(orders, 201, 200));
        System.exit(failed ? 1 : 0);
    }

    static String customerWith(String base, String externalId, long points) throws Exception {
        String c = customer(base, externalId);
        status(post(base, "/api/v1/orders", null, order("earn-" + externalId, c, points + ".00")), 201);
        return c;
    }

    static String customer(String base, String externalId) throws Exception {
        return id(post(base, "/api/v1/customers", null, "{\"externalId\": \"" + externalId + "\"}"), 201);
    }

    static String order(String externalId, String customer, String total) {
        return """
                {"externalId": "%s", "customerId": "%s", "placedAt": "%s", "currency": "INR", "total": %s,
                 "lines": [{"sku": "CHAI", "quantity": 1, "unitPrice": %s}]}"""
                .formatted(externalId, customer, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), total, total);
    }

    static String redeem(String customer, String reward) {
        return "{\"customerId\": \"" + customer + "\", \"rewardId\": \"" + reward + "\"}";
    }

    interface Call {
        HttpResponse<String> call(int i) throws Exception;
    }

    /** n calls released at the same moment; the count of each status. */
    static Map<Integer, Integer> burst(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            results.add(pool.submit((Callable<Integer>) () -> {
                go.await();
                return call.call(k).statusCode();
            }));
        }
        go.countDown();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Future<Integer> f : results) {
            counts.merge(f.get(), 1, Integer::sum);
        }
        pool.shutdown();
        return counts;
    }

    static boolean only(Map<Integer, Integer> counts, Integer... allowed) {
        return List.of(allowed).containsAll(counts.keySet());
    }

    static void check(String what, Map<Integer, Integer> statuses, boolean ok) {
        System.out.println((ok ? "ok   " : "FAIL ") + what + " (statuses " + statuses + ")");
        failed |= !ok;
    }

    static HttpResponse<String> post(String base, String path, String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            r.header("Idempotency-Key", idempotencyKey);
        }
        return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> status(HttpResponse<String> r, int expected) {
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    static String id(HttpResponse<String> r, int expected) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(status(r, expected).body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + r.body());
        }
        return m.group(1);
    }
}
