package io.loyalty.common;

import io.loyalty.Management;
import io.loyalty.PostgresTestDatabase;
import io.loyalty.TestSupport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admission control with a limit of 2 requests in flight (1 import upload): the requests past it are answered 503
 * at once, and every way a request can end (answered, failed, client gone) gives its place back exactly once.
 */
@QuarkusTest
@TestProfile(AdmissionControlTest.SmallLimit.class)
public class AdmissionControlTest {
    static final String SHED_SERIES = "loyalty_admission_shed_total\\{limit=\"%s\"} ([0-9.E]+)";

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "loyalty.admission.max-in-flight", "2",
                    "loyalty.admission.imports.max-in-flight", "1",
                    "loyalty.admission.retry-after", "PT2.5S");
        }
    }

    @Inject
    AdmissionControl admission;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AdmissionProbeResource.Hold> holds = new ArrayList<>();

    @AfterEach
    void releaseHolds() {
        holds.forEach(h -> h.release().countDown());
    }

    /** {@code n} requests held in flight on worker threads; returns once all are in the resource. */
    private List<CompletableFuture<HttpResponse<String>>> hold(String name, int n) throws InterruptedException {
        AdmissionProbeResource.Hold hold = AdmissionProbeResource.prepare(name, n);
        holds.add(hold);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(base.resolve("/api/v1/test-admission/hold/" + name))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        assertTrue(hold.entered().await(10, TimeUnit.SECONDS), "the held requests did not reach the resource");
        return answers;
    }

    private static void awaitCount(IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, count.getAsInt(), "requests in flight");
    }

    private static double shedCount(String limit) {
        Matcher m = Pattern.compile(String.format(SHED_SERIES, limit)).matcher(Management.metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The limit is exactly 2 again: two requests can be held, and the third is refused. */
    private void assertLimitIsWhole(String name) throws Exception {
        awaitCount(admission::inFlight, 0);
        List<CompletableFuture<HttpResponse<String>>> held = hold(name, 2);
        asAdmin().get("/api/v1/customers?limit=1").then().statusCode(503);
        holds.get(holds.size() - 1).release().countDown();
        for (CompletableFuture<HttpResponse<String>> answer : held) {
            assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode());
        }
        awaitCount(admission::inFlight, 0);
        asAdmin().get("/api/v1/customers?limit=1").then().statusCode(200);
    }

    @Test
    void pastTheLimitARequestIsAnswered503AtOnceAndServedAgainOnceOthersFinish() throws Exception {
        double shedBefore = shedCount("api");
        List<CompletableFuture<HttpResponse<String>>> held = hold("full", 2);

        long started = System.nanoTime();
        Response refused = asAdmin().get("/api/v1/customers?limit=1");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        refused.then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:loyalty:problem:overloaded"))
                .body("title", equalTo("Service Unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("2 at once"))
                .body("instance", equalTo("/api/v1/customers"))
                .body("requestId", notNullValue());
        assertEquals("3", refused.header("Retry-After"), "2.5 s rounded up to whole seconds");
        assertEquals(refused.header("X-Request-Id"), refused.path("requestId"));
        assertTrue(millis < 1000, "a shed request is answered at once, took " + millis + " ms");

        // Refused before authentication and before its body is read: an unknown key and a POST are shed alike, and
        // the connection stays usable after a refused body.
        TestSupport.as("lk_unknown-0000000000000000").get("/api/v1/customers").then().statusCode(503);
        asAdmin().body(Map.of("externalId", "shed")).post("/api/v1/orders").then().statusCode(503)
                .body("type", equalTo("urn:loyalty:problem:overloaded"));
        // Health and metrics are on the management interface, which is not limited.
        Management.given().get("/q/health/ready").then().statusCode(200);
        assertEquals(shedBefore + 3, shedCount("api"));

        holds.get(0).release().countDown();
        for (CompletableFuture<HttpResponse<String>> answer : held) {
            HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertEquals("released", response.body());
        }
        awaitCount(admission::inFlight, 0);
        asAdmin().get("/api/v1/customers?limit=1").then().statusCode(200);
        asAdmin().get("/api/v1/customers?limit=1").then().statusCode(200);
    }

    /** A client that reuses its connection (as load balancers and HTTP clients do) can go on using it after a 503. */
    @Test
    void aConnectionStaysUsableAfterItsPostWasShed() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = hold("keep-alive", 2);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String body = "{\"externalId\": \"kept-alive\", \"currency\": \"INR\", \"total\": 1}";
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write(("POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                        + PostgresTestDatabase.ADMIN_KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertEquals("HTTP/1.1 503 Service Unavailable", in.readLine());
                int length = -1;
                for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                assertTrue(length > 0, "the 503 has a body");
                char[] problem = new char[length];
                for (int read = 0; read < length; ) {
                    read += in.read(problem, read, length - read);
                }
                assertTrue(new String(problem).contains("overloaded"), new String(problem));
            }
            holds.get(0).release().countDown();
            for (CompletableFuture<HttpResponse<String>> answer : held) {
                assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode());
            }
            awaitCount(admission::inFlight, 0);
            // The same connection, once there is room: the order is read and validated (no customer: 400).
            socket.getOutputStream().write(("POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                    + PostgresTestDatabase.ADMIN_KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertEquals("HTTP/1.1 400 Bad Request", in.readLine());
        }
    }

    @Test
    void requestsThatFailGiveTheirPlaceBack() throws Exception {
        for (int i = 0; i < 5; i++) {
            RestAssured.get("/api/v1/test-admission/fail").then().statusCode(500);
            RestAssured.get("/api/v1/customers").then().statusCode(401);
            asAdmin().get("/api/v1/customers/not-a-uuid").then().statusCode(400);
            asAdmin().get("/api/v1/customers/" + java.util.UUID.randomUUID()).then().statusCode(404);
            asAdmin().get("/api/v1/no-such-resource").then().statusCode(404);
            asAdmin().body("{not json").post("/api/v1/orders").then().statusCode(400);
        }
        assertLimitIsWhole("after-failures");
    }

    @Test
    void aClientThatHangsUpMidRequestGivesItsPlaceBackAtOnce() throws Exception {
        AdmissionProbeResource.Hold hold = AdmissionProbeResource.prepare("hang-up", 2);
        holds.add(hold);
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Socket socket = new Socket(base.getHost(), base.getPort());
            sockets.add(socket);
            socket.getOutputStream().write(("GET /api/v1/test-admission/hold/hang-up HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        assertTrue(hold.entered().await(10, TimeUnit.SECONDS));
        assertEquals(2, admission.inFlight());
        asAdmin().get("/api/v1/customers?limit=1").then().statusCode(503);

        for (Socket socket : sockets) {
            socket.close();
        }
        // The held requests are still on their worker threads, but nobody waits for them: their places are free.
        awaitCount(admission::inFlight, 0);
        asAdmin().get("/api/v1/customers?limit=1").then().statusCode(200);
        hold.release().countDown();
        // Their late answers, written to closed connections, give nothing back a second time.
        Thread.sleep(200);
        assertLimitIsWhole("after-hang-up");
    }

    @Test
    void manyParallelRequestsAreEachAdmittedOrShedAndNoneLeaksAPlace() throws Exception {
        List<Integer> statuses = TestSupport.parallel(64, () -> asAdmin().get("/api/v1/customers?limit=1").statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
        assertTrue(statuses.contains(200), statuses.toString());
        assertLimitIsWhole("after-parallel");
    }

    @Test
    void anImportUploadHasItsOwnLimitAndDoesNotTakeTheApisPlaces() throws Exception {
        double shedBefore = shedCount("imports");
        // An upload in progress: headers and the CSV header row sent, most of the declared body still to come.
        try (Socket upload = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = upload.getOutputStream();
            out.write(("POST /api/v1/imports/orders HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + PostgresTestDatabase.ADMIN_KEY
                    + "\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\n"
                    + "externalId,customerExternalId,placedAt,currency,total\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitCount(admission::importsInFlight, 1);

            // A second upload is refused at once; the API's own requests are not affected.
            Response refused = RestAssured.given().header("X-API-Key", PostgresTestDatabase.ADMIN_KEY)
                    .contentType("text/csv").body("externalId,customerExternalId,placedAt,currency,total\n")
                    .post("/api/v1/imports/orders");
            refused.then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:loyalty:problem:overloaded"))
                    .body("detail", containsString("1 imports"));
            assertEquals("3", refused.header("Retry-After"));
            assertEquals(shedBefore + 1, shedCount("imports"));
            asAdmin().get("/api/v1/customers?limit=1").then().statusCode(200);
            assertEquals(0, admission.inFlight());
        }
        // The client hung up mid-upload: its place is free again.
        awaitCount(admission::importsInFlight, 0);
        String csv = "externalId,customerExternalId,placedAt,currency,total\n"
                + TestSupport.unique("adm") + "," + TestSupport.unique("c") + ",2025-01-01,INR,10.00\n";
        RestAssured.given().header("X-API-Key", PostgresTestDatabase.ADMIN_KEY).contentType("text/csv").body(csv)
                .post("/api/v1/imports/orders").then().statusCode(202);
        awaitCount(admission::importsInFlight, 0);
    }
}
