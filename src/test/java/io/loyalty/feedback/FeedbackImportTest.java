package io.loyalty.feedback;

import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
public class FeedbackImportTest {

    /** Two customers with one order each, imported like history: {run}-alice with {run}-o1, {run}-bob with {run}-o2. */
    private static void ordersOf(String run) throws InterruptedException {
        Imports.run("orders", Imports.CSV, String.join("\n",
                        "externalId,customerExternalId,placedAt,currency,total",
                        run + "-o1," + run + "-alice,2024-03-01,INR,120.00",
                        run + "-o2," + run + "-bob,2024-03-02,INR,80.00", ""))
                .then().body("status", equalTo("COMPLETED")).body("imported", equalTo(2));
    }

    private static String customerId(String externalId) {
        return asAdmin().queryParam("externalId", externalId).get("/api/v1/customers").then().statusCode(200)
                .extract().path("items[0].id");
    }

    private static JsonPath feedbackOf(String customerId) {
        return asAdmin().queryParam("customerId", customerId).get("/api/v1/feedback").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void csvImportStoresHistoryWithoutIncidentsRejectsBadRowsWithTheirLineAndSkipsDuplicates() throws Exception {
        String run = TestSupport.unique("fbcsv");
        ordersOf(run);
        String csv = String.join("\n",
                "externalId,customerExternalId,orderExternalId,type,score,comment,public,channel,givenAt",
                run + "-r1," + run + "-alice," + run + "-o1,REVIEW,5,Lovely chai,true,web,2024-03-04",
                run + "-r2," + run + "-alice,,REVIEW,1,Cold,false,web,2024-03-05T10:15:00+05:30",
                run + "-r3," + run + "-alice,,REVIEW,7,,false,web,2024-03-05",
                run + "-r4," + run + "-nobody,,NPS,9,,false,web,2024-03-05",
                run + "-r5," + run + "-alice," + run + "-o2,REVIEW,4,,false,web,2024-03-05",
                run + "-r6," + run + "-alice,,PRAISE,,Nice,false,web,2024-03-05",
                run + "-r1," + run + "-alice," + run + "-o1,REVIEW,5,Lovely chai,true,web,2024-03-04",
                run + "-r7," + run + "-bob," + run + "-o2,COMPLAINT,,Late delivery,false,app,2024-03-06",
                run + "-r8," + run + "-bob,,NPS,10,,false,app,yesterday",
                "");
        Response job = Imports.run("feedback", Imports.CSV, csv);
        job.then().body("status", equalTo("COMPLETED"))
                .body("kind", equalTo("FEEDBACK"))
                .body("format", equalTo("CSV"))
                .body("rowsRead", equalTo(9))
                .body("imported", equalTo(3))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(5))
                .body("customersCreated", equalTo(0))
                .body("rejections", hasSize(5))
                .body("rejections[0].line", equalTo(4))
                .body("rejections[0].reason", equalTo("score must be between 1 and 5 for REVIEW"))
                .body("rejections[1].line", equalTo(5))
                .body("rejections[1].reason", equalTo("customer '" + run + "-nobody' does not exist"))
                .body("rejections[2].line", equalTo(6))
                .body("rejections[2].reason", equalTo("order '" + run + "-o2' belongs to another customer"))
                .body("rejections[3].line", equalTo(7))
                .body("rejections[3].reason", containsString("type must be one of NPS, CSAT, REVIEW, COMPLAINT"))
                .body("rejections[4].line", equalTo(10))
                .body("rejections[4].reason", containsString("givenAt must be an ISO-8601 timestamp"));

        String alice = customerId(run + "-alice");
        JsonPath aliceFeedback = feedbackOf(alice);
        assertEquals(List.of(run + "-r1", run + "-r2"), aliceFeedback.getList("items.externalId").stream().sorted().toList());
        // History opens no incident, not even for a bottom score or a complaint.
        assertEquals(2, aliceFeedback.getList("items").size());
        aliceFeedback.getList("items.incidentId").forEach(id -> assertEquals(null, id));
        asAdmin().queryParam("customerId", alice).get("/api/v1/incidents").then().body("items", hasSize(0));
        asAdmin().get("/api/v1/customers/" + alice + "/loyalty").then().body("promotionsAllowed", equalTo(true));
        String orderId = asAdmin().queryParam("customerId", alice).get("/api/v1/orders").then().extract().path("items[0].id");
        JsonPath r1 = feedbackOf(alice);
        int i = r1.getList("items.externalId").indexOf(run + "-r1");
        assertEquals(orderId, r1.getString("items[" + i + "].orderId"));
        assertEquals(true, r1.getBoolean("items[" + i + "].public"));
        assertEquals("2024-03-04T00:00:00Z", r1.getString("items[" + i + "].givenAt"));

        String bob = customerId(run + "-bob");
        assertEquals(List.of("COMPLAINT"), feedbackOf(bob).getList("items.type"));
        asAdmin().queryParam("customerId", bob).get("/api/v1/incidents").then().body("items", hasSize(0));

        // The same upload again: what was imported is skipped, what was wrong is still wrong.
        Imports.run("feedback", Imports.CSV, csv).then().body("status", equalTo("COMPLETED"))
                .body("imported", equalTo(0)).body("duplicates", equalTo(4)).body("rejected", equalTo(5));
    }

    @Test
    void ndjsonImportTakesThePostBodyPerLineWithOrderAndCustomerExternalIds() throws Exception {
        String run = TestSupport.unique("fbnd");
        ordersOf(run);
        String alice = customerId(run + "-alice");
        String ndjson = String.join("\n",
                "{\"externalId\": \"" + run + "-n1\", \"customerExternalId\": \"" + run + "-alice\", \"orderExternalId\": \""
                        + run + "-o1\", \"type\": \"CSAT\", \"score\": 4, \"channel\": \"email\", \"givenAt\": \"2024-04-01T08:00:00Z\"}",
                "",
                "{\"customerId\": \"" + alice + "\", \"type\": \"SUGGESTION\", \"comment\": \"Oat milk please\"}",
                "{\"customerExternalId\": \"" + run + "-bob\", \"type\": \"CSAT\", \"score\": 0}",
                "{\"customerExternalId\": \"" + run + "-bob\", \"type\": \"SUGGESTION\"",
                "{\"customerExternalId\": \"" + run + "-bob\", \"orderExternalId\": \"" + run + "-o9\", \"type\": \"COMPLIMENT\", \"comment\": \"Great\"}",
                "{\"type\": \"COMPLIMENT\", \"comment\": \"Great\"}",
                "{\"customerExternalId\": \"" + run + "-bob\", \"type\": \"NPS\", \"score\": 3, \"colour\": \"red\"}",
                "{\"externalId\": \"" + run + "-n1\", \"customerExternalId\": \"" + run + "-alice\", \"type\": \"CSAT\", \"score\": 4}",
                "");
        Imports.run("feedback", Imports.NDJSON, ndjson).then().body("status", equalTo("COMPLETED"))
                .body("kind", equalTo("FEEDBACK"))
                .body("format", equalTo("NDJSON"))
                .body("rowsRead", equalTo(8))
                .body("imported", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(5))
                .body("rejections.line", equalTo(List.of(4, 5, 6, 7, 8)))
                .body("rejections[0].reason", equalTo("score must be between 1 and 5 for CSAT"))
                .body("rejections[2].reason", equalTo("order '" + run + "-o9' does not exist"))
                .body("rejections[3].reason", equalTo("exactly one of customerId, customerExternalId and customerEmail is required"))
                .body("rejections[4].reason", containsString("colour"))
                .body("error", nullValue());
        JsonPath stored = feedbackOf(alice);
        assertEquals(List.of("CSAT", "SUGGESTION"), stored.getList("items.type").stream().sorted().toList());
    }

    @Test
    void aRowTheDatabaseRefusesRejectsOnlyItselfNotItsBatch() throws Exception {
        String run = TestSupport.unique("fbrange");
        ordersOf(run);
        Imports.run("feedback", Imports.CSV, String.join("\n",
                        "externalId,customerExternalId,type,comment,givenAt",
                        run + "-a," + run + "-alice,COMPLIMENT,Fine,2024-01-01",
                        run + "-b," + run + "-alice,COMPLIMENT,Ancient,-9999-01-01T00:00:00Z",
                        run + "-c," + run + "-bob,COMPLIMENT,Also fine,2024-01-02", ""))
                .then().body("status", equalTo("COMPLETED"))
                .body("imported", equalTo(2))
                .body("rejected", equalTo(1))
                .body("rejections[0].line", equalTo(3))
                .body("rejections[0].reason", containsString("could not be stored"));
        assertEquals(List.of(run + "-a"), feedbackOf(customerId(run + "-alice")).getList("items.externalId"));
    }

    @Test
    void anUploadThatIsNotCsvFailsTheJobWithItsLine() throws Exception {
        Imports.run("feedback", Imports.CSV, "type,score\nNPS,9\nNPS,8,extra\n").then()
                .body("status", equalTo("FAILED"))
                .body("error", containsString("line 3"))
                .body("rejected", equalTo(1))
                .body("rejections[0].reason", equalTo("exactly one of customerId, customerExternalId and customerEmail is required"));
    }

    @Test
    void onlyAdminAndStorefrontKeysImport() {
        TestSupport.asRole("PARTNER").contentType(Imports.CSV).body("type\n").post("/api/v1/imports/feedback")
                .then().statusCode(403);
        asAdmin().contentType("application/json").body("{}").post("/api/v1/imports/feedback").then().statusCode(415);
    }
}
