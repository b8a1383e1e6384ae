package io.loyalty.customer;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The right to erasure: personal data goes, the accounts stay, and the erased customer takes nothing new. */
@QuarkusTest
public class CustomerErasureTest {
    private static final String PATH = "/api/v1/customers";
    private static final String ERASED = "urn:loyalty:problem:customer-erased";

    static Response erase(String customer) {
        return asAdmin().post(PATH + "/" + customer + "/erasure");
    }

    /** The balance without its `asOf`, the only part that changes with time alone. */
    private static Map<String, Object> balance(String customer, String programme) {
        Map<String, Object> b = new HashMap<>(Fixtures.balance(customer, programme));
        b.remove("asOf");
        return b;
    }

    private static void refusedAsErased(Response r) {
        r.then().statusCode(409).body("type", equalTo(ERASED)).body("detail", containsString("erased"));
    }

    @Test
    void erasureRemovesThePersonalDataIsIdempotentAndFreesTheEmailAndExternalId() {
        Map<String, Object> body = CustomerResourceTest.newCustomer();
        String id = CustomerResourceTest.create(body);

        Response erased = erase(id);
        erased.then().statusCode(200).body("id", equalTo(id)).body("erasedAt", notNullValue())
                .body("externalId", nullValue()).body("email", nullValue()).body("firstName", nullValue())
                .body("lastName", nullValue()).body("phone", nullValue()).body("birthDate", nullValue())
                .body("marketingConsent", equalTo(false));
        String erasedAt = erased.path("erasedAt");
        asAdmin().get(PATH + "/" + id).then().statusCode(200).body("erasedAt", equalTo(erasedAt))
                .body("email", nullValue()).body("firstName", nullValue()).body("externalId", nullValue());
        // Again: the same answer, nothing changes.
        erase(id).then().statusCode(200).body("erasedAt", equalTo(erasedAt)).body("email", nullValue());
        // Nobody finds the person by what identified them; both values are free for a new registration.
        asAdmin().queryParam("email", body.get("email")).get(PATH).then().body("items.size()", equalTo(0));
        asAdmin().queryParam("externalId", body.get("externalId")).get(PATH).then().body("items.size()", equalTo(0));
        String newcomer = CustomerResourceTest.create(body);
        asAdmin().get(PATH + "/" + newcomer).then().statusCode(200).body("email", equalTo(body.get("email")))
                .body("erasedAt", nullValue());
        // Personal data cannot come back through a patch.
        refusedAsErased(asAdmin().contentType("application/merge-patch+json").body(Map.of("email", TestSupport.uniqueEmail()))
                .patch(PATH + "/" + id));
        asAdmin().post(PATH + "/" + UUID.randomUUID() + "/erasure").then().statusCode(404)
                .body("type", equalTo("urn:loyalty:problem:not-found"));
    }

    @Test
    void onlyAnAdminErases() {
        String id = Fixtures.customer();
        for (String role : List.of("STOREFRONT", "ANALYST")) {
            asRole(role).post(PATH + "/" + id + "/erasure").then().statusCode(403)
                    .body("type", equalTo("urn:loyalty:problem:forbidden"));
        }
        asAdmin().get(PATH + "/" + id).then().body("erasedAt", nullValue()).body("externalId", notNullValue());
    }

    @Test
    void concurrentErasuresEraseOnce() throws Exception {
        String id = CustomerResourceTest.create(CustomerResourceTest.newCustomer());
        List<String> answers = TestSupport.parallel(6, () -> erase(id).then().statusCode(200).extract().<String>path("erasedAt"));
        assertEquals(1, answers.stream().distinct().count(), "one erasure, the others read it: " + answers);
    }

    @Test
    void theErasedCustomerTakesNoNewOrdersMembershipsOrGrantsAndTheBalanceStillEqualsTheLedger() {
        String p = Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
        String optIn = Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
        String id = Fixtures.member(p);
        Fixtures.post(Fixtures.order(id, new Object[]{"CHAI", "drinks", 2, "150"})).then().statusCode(201);
        String order = Fixtures.post(Fixtures.order(id, new Object[]{"CAKE", "snacks", 1, "200"})).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> before = balance(id, p);
        erase(id).then().statusCode(200);

        refusedAsErased(Fixtures.post(Fixtures.order(id, new Object[]{"CHAI", "drinks", 1, "60"})));
        refusedAsErased(asRole("STOREFRONT").body(Fixtures.order(id, new Object[]{"CHAI", "drinks", 1, "60"}))
                .post("/api/v1/orders"));
        refusedAsErased(asAdmin().body(Map.of("customerId", id)).post("/api/v1/programmes/" + optIn + "/members"));
        refusedAsErased(asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("name", "birthday")).post(PATH + "/" + id + "/events"));
        String reward = asAdmin().body(Map.of("programmeId", p, "name", TestSupport.unique("gift"), "type", "FREE_SHIPPING",
                "cost", 0)).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
        refusedAsErased(asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("rewardId", reward, "reason", "surprise")).post(PATH + "/" + id + "/grants"));
        refusedAsErased(asAdmin().post(PATH + "/" + id + "/referral-code"));
        Map<String, Object> feedback = new HashMap<>(Map.of("customerId", id, "type", "COMPLIMENT", "comment", "Lovely"));
        refusedAsErased(asAdmin().body(feedback).post("/api/v1/feedback"));

        // The accounts are intact: the ledger is unchanged, the balance still equals it, returns still work.
        assertEquals(before, balance(id, p));
        assertEquals(((Number) before.get("balance")).longValue(), Fixtures.ledgerSum(id, p));
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("amount", 200))
                .post("/api/v1/orders/" + order + "/returns").then().statusCode(201);
        assertEquals(((Number) Fixtures.balance(id, p).get("balance")).longValue(), Fixtures.ledgerSum(id, p));
        assertEquals(300L, Fixtures.ledgerSum(id, p));
    }

    @Test
    void anErasedReferrersCodeIsRefusedWithAClearProblem() {
        String referrer = Fixtures.customer();
        String code = asAdmin().post(PATH + "/" + referrer + "/referral-code").then().statusCode(200).extract().path("code");
        erase(referrer).then().statusCode(200);
        String ext = TestSupport.unique("friend");
        asAdmin().body(Map.of("externalId", ext, "referralCode", code)).post(PATH).then().statusCode(409)
                .body("type", equalTo(ERASED))
                .body("detail", equalTo("The referral code '" + code + "' belonged to a customer who was erased; "
                        + "it can no longer be used"));
        asAdmin().queryParam("externalId", ext).get(PATH).then().body("items.size()", equalTo(0));
        // The same at a guest checkout: neither the customer nor the order is created.
        Map<String, Object> o = Fixtures.order(null, new Object[]{"CHAI", "drinks", 1, "60"});
        o.remove("customerId");
        o.put("customer", Map.of("externalId", ext, "referralCode", code));
        Fixtures.post(o).then().statusCode(409).body("type", equalTo(ERASED));
        asAdmin().queryParam("externalId", ext).get(PATH).then().body("items.size()", equalTo(0));
    }

    @Test
    void theErasedCustomersFeedbackCommentsAreRedactedAndTheScoresKept() {
        String id = Fixtures.customer();
        String other = Fixtures.customer();
        String review = asAdmin().body(Map.of("customerId", id, "type", "REVIEW", "score", 4,
                        "comment", "Asha from Pune: the chai at MG Road was great"))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        String complaint = asAdmin().body(Map.of("customerId", id, "type", "COMPLAINT",
                        "comment", "Call me on +91 98765 43210 about my cold coffee"))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        String kept = asAdmin().body(Map.of("customerId", other, "type", "SUGGESTION", "comment", "Oat milk please"))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        erase(id).then().statusCode(200);
        asAdmin().get("/api/v1/feedback/" + review).then().statusCode(200).body("comment", nullValue())
                .body("score", equalTo(4)).body("type", equalTo("REVIEW"));
        asAdmin().get("/api/v1/feedback/" + complaint).then().statusCode(200).body("comment", nullValue());
        asAdmin().get("/api/v1/feedback/" + kept).then().statusCode(200).body("comment", equalTo("Oat milk please"));
    }

    /** Uploads NDJSON to /api/v1/imports/{what} and returns the finished job. */
    private static Response importNdjson(String what, String line) throws InterruptedException {
        String location = asAdmin().contentType("application/x-ndjson").body((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/imports/" + what)
                .then().statusCode(202).extract().header("Location");
        for (int i = 0; i < 600; i++) {
            Response job = asAdmin().get(location);
            if (List.of("COMPLETED", "FAILED").contains(job.<String>path("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish in a minute");
    }

    @Test
    void importsNamingAnErasedCustomerRejectTheRow() throws Exception {
        String id = Fixtures.customer();
        erase(id).then().statusCode(200);
        Map<String, Object> order = Fixtures.order(id, new Object[]{"CHAI", "drinks", 1, "60"});
        String orderLine = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(order);
        importNdjson("orders", orderLine).then().body("status", equalTo("COMPLETED")).body("imported", equalTo(0))
                .body("rejections[0].reason", containsString("was erased"));
        String feedbackLine = "{\"customerId\": \"" + id + "\", \"type\": \"NPS\", \"score\": 9}";
        importNdjson("feedback", feedbackLine).then().body("status", equalTo("COMPLETED")).body("imported", equalTo(0))
                .body("rejections[0].reason", containsString("was erased"));
    }
}
