package io.loyalty.order;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

@QuarkusTest
public class OrderImportTest {

    @jakarta.inject.Inject
    ImportJobs imports;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    static Response upload(String contentType, String body) {
        return asAdmin().contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports/orders");
    }

    /** Waits for the job to finish and returns it. */
    static Response finished(Response accepted) throws InterruptedException {
        accepted.then().statusCode(202).header("Location", matchesPattern(".*/api/v1/imports/[0-9a-f-]{36}$"));
        String location = accepted.header("Location");
        for (int i = 0; i < 600; i++) {
            Response job = asAdmin().get(location);
            String status = job.path("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            Thread.sleep(100);
        }
        fail("import did not finish in 60 s");
        return null;
    }

    @Test
    void csvImportGroupsLinesCreatesCustomersSkipsDuplicatesAndReportsRejectedRows() throws Exception {
        String run = TestSupport.unique("csv");
        String csv = String.join("\n",
                "externalId,customerExternalId,placedAt,currency,total,discount,shipping,sku,name,category,quantity,unitPrice",
                run + "-1," + run + "-alice,2024-03-01,INR,160.00,,40.00,CHAI,Chai,drinks,2,60.00",
                run + "-2," + run + "-alice,2024-03-05T10:15:00+05:30,INR,150.00,10.00,,CHAI,,drinks,1,60.00",
                run + "-2," + run + "-alice,2024-03-05T10:15:00+05:30,INR,150.00,10.00,,CAKE,,bakery,2,50.00",
                run + "-3," + run + "-bob,2024-04-01,INR,85.50,,,,,,,",
                run + "-4," + run + "-bob,2024-04-02,INR,99.00,,,CHAI,,,1,60.00",
                run + "-5," + run + "-bob,not-a-date,INR,10.00,,,,,,,",
                run + "-1," + run + "-alice,2024-03-01,INR,160.00,,40.00,CHAI,Chai,drinks,2,60.00",
                run + "-6," + run + "-carol,2024-05-01,INR,12.00,,,X,,,1,12.00",
                "");
        Response job = finished(upload("text/csv", csv));
        job.then().body("status", equalTo("COMPLETED"))
                .body("kind", equalTo("ORDERS"))
                .body("format", equalTo("CSV"))
                .body("rowsRead", equalTo(7))
                .body("imported", equalTo(4))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(2))
                .body("customersCreated", equalTo(3))
                .body("rejections", hasSize(2))
                .body("rejections[0].line", equalTo(6))
                .body("rejections[0].reason", org.hamcrest.Matchers.containsString("total must equal"))
                .body("rejections[1].line", equalTo(7))
                .body("rejections[1].reason", org.hamcrest.Matchers.containsString("placedAt"));

        String alice = asAdmin().queryParam("externalId", run + "-alice").get("/api/v1/customers").path("items[0].id");
        Response orders = asAdmin().queryParam("customerId", alice).get("/api/v1/orders");
        orders.then().body("items", hasSize(2))
                .body("items[1].lines", hasSize(2))
                .body("items[1].subtotal", equalTo(160.0f))
                .body("items[1].accrue", equalTo(false))
                .body("items[0].placedAt", equalTo("2024-03-01T00:00:00Z"));
        String bob = asAdmin().queryParam("externalId", run + "-bob").get("/api/v1/customers").path("items[0].id");
        asAdmin().queryParam("customerId", bob).get("/api/v1/orders").then()
                .body("items", hasSize(1))
                .body("items[0].lines[0].sku", equalTo("ORDER"))
                .body("items[0].lines[0].unitPrice", equalTo(85.5f));
    }

    @Test
    void ndjsonImportRejectsBadLinesAndEarnsOnlyWhenAsked() throws Exception {
        String p = Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
        String ext = TestSupport.unique("member");
        String member = asAdmin().body(Map.of("externalId", ext)).post("/api/v1/customers").path("id");
        asAdmin().body(Map.of("customerId", member)).post("/api/v1/programmes/" + p + "/members").then().statusCode(201);
        String run = TestSupport.unique("nd");
        String ndjson = String.join("\n",
                "{\"externalId\":\"" + run + "-1\",\"customerExternalId\":\"" + ext + "\",\"placedAt\":\"2025-01-01T10:00:00Z\",\"currency\":\"INR\",\"total\":100,\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":100}]}",
                "{\"externalId\":\"" + run + "-2\",\"customerExternalId\":\"" + ext + "\",\"placedAt\":\"2025-01-02T10:00:00Z\",\"currency\":\"INR\",\"total\":30,\"accrue\":true,\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":30}]}",
                "{\"externalId\": broken",
                "",
                "{\"externalId\":\"" + run + "-3\",\"customerExternalId\":\"" + ext + "\",\"placedAt\":\"2025-01-03T10:00:00Z\",\"currency\":\"INR\",\"total\":5,\"colour\":\"red\",\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":5}]}",
                "{\"externalId\":\"" + run + "-4\",\"customer\":{\"email\":\"" + TestSupport.uniqueEmail() + "\"},\"placedAt\":\"2025-01-04T10:00:00Z\",\"currency\":\"INR\",\"total\":7,\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":7}]}");
        Response job = finished(upload("application/x-ndjson", ndjson));
        job.then().body("status", equalTo("COMPLETED"))
                .body("rowsRead", equalTo(5))
                .body("imported", equalTo(3))
                .body("rejected", equalTo(2))
                .body("rejections[0].line", equalTo(3))
                .body("rejections[1].line", equalTo(5))
                .body("rejections[1].reason", equalTo("colour is not a known field"));
        assertEquals(30L, Fixtures.ledgerSum(member, p), "only the accrue=true order earned");
    }

    @Test
    void earningRowsCreateTheCustomersTheyName() throws Exception {
        Map<String, Object> body = Fixtures.programmeBody(List.of(Fixtures.spend("spend", 1)));
        body.put("enrolment", "AUTOMATIC");
        String p = Fixtures.programme(body);
        try {
            String ext = TestSupport.unique("new");
            String csv = "externalId,customerExternalId,placedAt,currency,total,accrue\n"
                    + TestSupport.unique("earn") + "," + ext + ",2025-01-01,INR,40.00,true\n";
            finished(upload("text/csv", csv)).then().body("imported", equalTo(1)).body("rejected", equalTo(0));
            String customer = asAdmin().queryParam("externalId", ext).get("/api/v1/customers").path("items[0].id");
            assertEquals(40L, Fixtures.ledgerSum(customer, p));
        } finally {
            asAdmin().body(Map.of("status", "CLOSED")).patch("/api/v1/programmes/" + p).then().statusCode(200);
        }
    }

    @Test
    void emptyUploadsCompleteAndOtherFormatsAreRefused() throws Exception {
        finished(upload("text/csv", "externalId,customerExternalId,placedAt,currency,total\n"))
                .then().body("status", equalTo("COMPLETED")).body("rowsRead", equalTo(0));
        asAdmin().contentType("application/xml").body("<orders/>").post("/api/v1/imports/orders").then().statusCode(415);
        TestSupport.asRole("ANALYST").contentType("text/csv").body("a\n").post("/api/v1/imports/orders").then().statusCode(403);
        asAdmin().get("/api/v1/imports/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    /** The CDNOW master file (../shared/data, not in the repository): 69,659 orders of 23,570 customers. */
    @Test
    void importsTheCdnowReferenceHistory() throws Exception {
        Path master = Path.of("../shared/data/cdnow/CDNOW_master.txt");
        Assumptions.assumeTrue(Files.exists(master), "../shared/data/cdnow is not present: skipping the CDNOW import");
        Response job = finished(upload("text/csv", cdnowAsCsv(master, TestSupport.unique("cdnow"))));
        job.then().body("status", equalTo("COMPLETED"))
                .body("rowsRead", equalTo(69_659))
                .body("imported", equalTo(69_659))
                .body("rejected", equalTo(0))
                .body("customersCreated", equalTo(23_570));
    }

    static String cdnowAsCsv(Path master, String prefix) throws IOException {
        StringBuilder csv = new StringBuilder("externalId,customerExternalId,placedAt,currency,total,sku,quantity,unitPrice\n");
        List<String> lines = Files.readAllLines(master);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            String date = f[1].substring(0, 4) + "-" + f[1].substring(4, 6) + "-" + f[1].substring(6, 8);
            csv.append(prefix).append('-').append(i).append(',').append(prefix).append("-c").append(f[0]).append(',')
                    .append(date).append(",USD,").append(f[3]).append(",,,\n");
        }
        return csv.toString();
    }

    /** A job row as another instance would have left it, with its last heartbeat some minutes ago. */
    private java.util.UUID jobLeftBehind(String status, int minutesAgo) throws Exception {
        java.util.UUID id = java.util.UUID.randomUUID();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                INSERT INTO import_job (id, api_key_id, format, status, created_at, heartbeat_at)
                SELECT ?, id, 'CSV', ?, now() - make_interval(mins => ?), now() - make_interval(mins => ?)
                FROM api_key ORDER BY created_at LIMIT 1""")) {
            s.setObject(1, id);
            s.setString(2, status);
            s.setInt(3, minutesAgo);
            s.setInt(4, minutesAgo);
            assertEquals(1, s.executeUpdate());
        }
        return id;
    }

    @Test
    void jobsNobodyKeepsAliveAreReportedFailedInsteadOfRunningForever() throws Exception {
        java.util.UUID abandoned = jobLeftBehind("RUNNING", 6);
        java.util.UUID waiting = jobLeftBehind("QUEUED", 1);
        imports.keepAlive();
        asAdmin().get("/api/v1/imports/" + abandoned).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("error", equalTo("interrupted: the instance running it stopped"));
        asAdmin().get("/api/v1/imports/" + waiting).then().statusCode(200).body("status", equalTo("QUEUED"));
    }

    @Test
    void jobsThisInstanceHoldsAreKeptAliveHoweverLongTheyWait() throws Exception {
        java.util.UUID queued = jobLeftBehind("QUEUED", 6);
        imports.hold(queued);
        try {
            imports.keepAlive();
        } finally {
            imports.release(queued);
        }
        asAdmin().get("/api/v1/imports/" + queued).then().statusCode(200).body("status", equalTo("QUEUED"));
        imports.keepAlive();
        asAdmin().get("/api/v1/imports/" + queued).then().statusCode(200).body("status", equalTo("QUEUED"));
    }

    @Test
    void aNulCharacterRejectsItsOrderNotTheWholeImport() throws Exception {
        String run = TestSupport.unique("nul");
        String csv = "externalId,customerExternalId,placedAt,currency,total\n"
                + run + "-1," + run + "-a\u0000b,2024-03-01,INR,10.00\n"
                + run + "-2," + run + "-c,2024-03-01,INR,10.00\n";
        finished(upload("text/csv", csv)).then().body("status", equalTo("COMPLETED"))
                .body("imported", equalTo(1))
                .body("rejections[0].line", equalTo(2))
                .body("rejections[0].reason", equalTo("contains the NUL character (U+0000), which cannot be stored"));
        String ndjson = "{\"externalId\":\"" + run + "-3\",\"customerExternalId\":\"x\\u0000\",\"placedAt\":"
                + "\"2024-03-01T00:00:00Z\",\"currency\":\"INR\",\"total\":10,"
                + "\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":10}]}\n"
                + "{\"externalId\":\"" + run + "-4\",\"customerExternalId\":\"" + run + "-d\",\"placedAt\":"
                + "\"2024-03-01T00:00:00Z\",\"currency\":\"INR\",\"total\":10,"
                + "\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":10}]}\n";
        finished(upload("application/x-ndjson", ndjson)).then().body("status", equalTo("COMPLETED"))
                .body("imported", equalTo(1))
                .body("rejections[0].line", equalTo(1))
                .body("rejections[0].reason", equalTo("contains the NUL character (U+0000), which cannot be stored"));
    }
    @Test
    void anOrderWithMoreLinesThanAllowedIsRejectedAndTheJobGoesOn() throws Exception {
        String run = TestSupport.unique("cap");
        StringBuilder csv = new StringBuilder("externalId,customerExternalId,placedAt,currency,total,sku,quantity,unitPrice\n");
        for (int i = 0; i < 501; i++) {
            csv.append(run).append("-big,").append(run).append("-c,2024-03-01,INR,501.00,S").append(i).append(",1,1.00\n");
        }
        csv.append(run).append("-small,").append(run).append("-c,2024-03-01,INR,1.00,A,1,1.00\n");
        finished(upload("text/csv", csv.toString())).then().body("status", equalTo("COMPLETED"))
                .body("imported", equalTo(1))
                .body("rejections[0].line", equalTo(2))
                .body("rejections[0].reason", equalTo("order " + run + "-big has 501 lines; an order may have at most 500"));
    }

    @Test
    void anUnreadableUploadFailsItsJobWithTheLineAndWhatIsWrongInWords() throws Exception {
        String run = TestSupport.unique("unreadable");
        String csv = "externalId,customerExternalId,placedAt,currency,total\n"
                + run + "-1," + run + "-c,2024-03-01,INR,10.00\n"
                + run + "-2," + run + "-c,2024-03-01,INR,10.00,surplus\n";
        finished(upload("text/csv", csv)).then().body("status", equalTo("FAILED"))
                .body("error", equalTo("the upload could not be read: line 3: "
                        + "the row has more values than the header has columns"));

        byte[] binary = new byte[4096];
        new java.util.Random(9).nextBytes(binary);
        byte[] upload = ("externalId,total\n" + run + "-3,1.00\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] file = java.util.Arrays.copyOf(upload, upload.length + binary.length);
        System.arraycopy(binary, 0, file, upload.length, binary.length);
        String error = finished(asAdmin().contentType("text/csv").body(file).post("/api/v1/imports/orders"))
                .then().body("status", equalTo("FAILED")).extract().path("error");
        org.junit.jupiter.api.Assertions.assertTrue(error.matches("the upload could not be read: line \\d+: .*"), error);
        org.junit.jupiter.api.Assertions.assertFalse(error.matches("(?s).*(sun\\.|java\\.|jackson|Stream|Source|\\[).*"), error);
    }
}
