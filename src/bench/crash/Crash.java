import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of the crash test. Every request is written to a journal before it is sent (REQ) and its answer
 * after (ANS, or ERR when none came), so that after a kill -9 the unanswered ones can be sent again, byte for
 * byte, with the same externalId or Idempotency-Key.
 *   java Crash.java load  BASE_URL API_KEY JOURNAL SECONDS THREADS   orders, returns and redemptions at load
 *   java Crash.java retry BASE_URL API_KEY JOURNAL ACKS             resend the unanswered; write every 2xx to ACKS
 * The journal is tab-separated, one line per event: REQ n method path key body | ANS n status id | ERR n reason.
 */
public class Crash {
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static String base;
    static String apiKey;
    static BufferedWriter journal;

    public static void main(String[] args) throws Exception {
        base = args[1];
        apiKey = args[2];
        Path journalFile = Path.of(args[3]);
        if (args[0].equals("load")) {
            journal = Files.newBufferedWriter(journalFile, StandardCharsets.UTF_8);
            load(Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        } else {
            retry(journalFile, Path.of(args[4]));
        }
    }

    // ---- load --------------------------------------------------------------------------------------

    record Request(long n, String kind, String path, String key, String body) {
    }

    static final AtomicLong SEQ = new AtomicLong();
    static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    static void load(int seconds, int threads) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String programme = id(send(new Request(0, "setup", "/api/v1/programmes", null, """
                {"name": "Crash %s", "status": "ACTIVE", "currency": "INR", "enrolment": "AUTOMATIC", \
                "rules": [{"id": "spend", "type": "SPEND", "pointsPerUnit": 1}]}""".formatted(run))));
        String reward = id(send(new Request(0, "setup", "/api/v1/rewards", null, """
                {"programmeId": "%s", "name": "Crash %s", "type": "FREE_SHIPPING", "cost": 30}""".formatted(programme, run))));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            customers.add(id(send(new Request(0, "setup", "/api/v1/customers", null,
                    "{\"externalId\": \"crash-" + run + "-" + i + "\"}"))));
        }
        System.out.println("setup: programme " + programme + ", reward " + reward + ", " + customers.size() + " customers");
        List<String> orders = new CopyOnWriteArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int pick = r.nextInt(10);
                    String customer = customers.get(r.nextInt(customers.size()));
                    Request q;
                    if (pick < 5 || orders.isEmpty()) {
                        q = request("order", "/api/v1/orders", null, order("crash-" + run + "-" + UUID.randomUUID(), customer));
                    } else if (pick < 7) {
                        q = request("return", "/api/v1/orders/" + orders.get(r.nextInt(orders.size())) + "/returns",
                                UUID.randomUUID().toString(), "{\"amount\": 10.00, \"reason\": \"crash test\"}");
                    } else {
                        q = request("redemption", "/api/v1/redemptions", UUID.randomUUID().toString(),
                                "{\"customerId\": \"" + customer + "\", \"rewardId\": \"" + reward + "\"}");
                    }
                    HttpResponse<String> a = journaled(q);
                    if (a == null) {
                        return; // the application is gone: what was in flight is for the retry phase
                    }
                    if (q.kind().equals("order") && a.statusCode() == 201) {
                        orders.add(id(a));
                    }
                }
            }, "load-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        journal.close();
        System.out.println("load: " + new TreeMap<>(COUNTS));
    }

    static Request request(String kind, String path, String key, String body) {
        return new Request(SEQ.incrementAndGet(), kind, path, key, body);
    }

    static String order(String externalId, String customer) {
        return """
                {"externalId": "%s", "customerId": "%s", "placedAt": "%s", "currency": "INR", "total": 100.00, \
                "lines": [{"sku": "CHAI", "quantity": 2, "unitPrice": 30.00}, {"sku": "CAKE", "quantity": 1, "unitPrice": 40.00}]}"""
                .formatted(externalId, customer, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
    }

    /** Sends with the journal around it; null when no answer came. */
    static HttpResponse<String> journaled(Request q) {
        write("REQ\t" + q.n() + "\t" + q.kind() + "\t" + q.path() + "\t" + (q.key() == null ? "-" : q.key()) + "\t" + q.body());
        try {
            HttpResponse<String> a = send(q);
            Matcher m = ID.matcher(a.body());
            write("ANS\t" + q.n() + "\t" + a.statusCode() + "\t" + (m.find() ? m.group(1) : "-"));
            COUNTS.computeIfAbsent(q.kind() + " " + a.statusCode(), k -> new AtomicLong()).incrementAndGet();
            return a;
        } catch (Exception e) {
            write("ERR\t" + q.n() + "\t" + e.getClass().getSimpleName());
            COUNTS.computeIfAbsent(q.kind() + " no answer", k -> new AtomicLong()).incrementAndGet();
            return null;
        }
    }

    static synchronized void write(String line) {
        try {
            journal.write(line);
            journal.newLine();
            journal.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- retry -------------------------------------------------------------------------------------

    static void retry(Path journalFile, Path acks) throws Exception {
        Map<Long, Request> requests = new LinkedHashMap<>();
        Map<Long, String[]> answers = new HashMap<>();
        for (String line : Files.readAllLines(journalFile, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 6);
            long n = Long.parseLong(f[1]);
            switch (f[0]) {
                case "REQ" -> requests.put(n, new Request(n, f[2], f[3], f[4].equals("-") ? null : f[4], f[5]));
                case "ANS" -> answers.put(n, f);
                default -> { }
            }
        }
        Map<String, Integer> retried = new TreeMap<>();
        List<String> acked = new ArrayList<>();
        int unanswered = 0;
        for (Request q : requests.values()) {
            String[] a = answers.get(q.n());
            int status = a == null ? 0 : Integer.parseInt(a[2]);
            String id = a == null ? "-" : a[3];
            if (status == 0 || status >= 500) {
                unanswered++;
                HttpResponse<String> r = send(q);
                status = r.statusCode();
                Matcher m = ID.matcher(r.body());
                id = m.find() ? m.group(1) : "-";
                retried.merge(q.kind() + " " + status, 1, Integer::sum);
            }
            if (status >= 200 && status < 300) {
                String key = q.kind().equals("order") ? externalId(q.body()) : q.key();
                acked.add(q.kind() + "\t" + id + "\t" + key);
            }
        }
        Files.write(acks, acked, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        System.out.println("journal: " + requests.size() + " requests, " + unanswered + " unanswered or 5xx before the crash, resent: " + retried);
        System.out.println("acknowledged (2xx) after retries: " + acked.size());
        System.out.println("UNANSWERED=" + unanswered);
        System.out.println("ACKED=" + acked.size());
        boolean bad = retried.keySet().stream().anyMatch(k -> k.endsWith(" 0") || k.matches(".* 5\\d\\d"));
        System.exit(bad ? 1 : 0);
    }

    static String externalId(String body) {
        Matcher m = Pattern.compile("\"externalId\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        return m.find() ? m.group(1) : "-";
    }

    // ---- HTTP --------------------------------------------------------------------------------------

    static HttpResponse<String> send(Request q) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + q.path())).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(q.body()));
        if (q.key() != null) {
            r.header("Idempotency-Key", q.key());
        }
        return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String id(HttpResponse<String> r) {
        Matcher m = ID.matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return m.group(1);
    }
}
