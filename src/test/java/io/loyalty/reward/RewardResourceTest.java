package io.loyalty.reward;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
public class RewardResourceTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void everyTypeCanBeCreatedAndReadBack() {
        String p = Rewards.programme();
        for (String type : List.of("DISCOUNT_AMOUNT", "DISCOUNT_PERCENT", "FREE_PRODUCT", "FREE_SHIPPING", "SERVICE",
                "EXPERIENCE", "EARLY_ACCESS", "CUSTOM")) {
            Map<String, Object> body = Rewards.body(p, type, 100);
            Response r = asAdmin().body(body).post("/api/v1/rewards");
            r.then().statusCode(201)
                    .header("Location", matchesPattern(".*/api/v1/rewards/[0-9a-f-]{36}$"))
                    .body("type", equalTo(type))
                    .body("status", equalTo("ACTIVE"))
                    .body("cost", equalTo(100))
                    .body("limitPeriod", equalTo("EVER"))
                    .body("refundOnExpiry", equalTo(true))
                    .body("codeSource", equalTo("GENERATED"));
            asRole("STOREFRONT").get(r.header("Location")).then().statusCode(200)
                    .body("id", equalTo(r.path("id")))
                    .body("name", equalTo(body.get("name")));
        }
        asAdmin().queryParam("programmeId", p).queryParam("type", "FREE_PRODUCT").get("/api/v1/rewards").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].sku", equalTo("CHAI"));
        asAdmin().queryParam("programmeId", UUID.randomUUID()).get("/api/v1/rewards").then()
                .statusCode(200).body("items", empty()).body("nextCursor", nullValue());
    }

    @Test
    void eachTypeValidatesItsOwnFields() {
        String p = Rewards.programme();
        Map<String, Object> percent = Rewards.body(p, "DISCOUNT_PERCENT", 100);
        percent.put("percent", 101);
        invalid(percent, "percent");
        percent.put("percent", 0);
        invalid(percent, "percent");

        Map<String, Object> product = Rewards.body(p, "FREE_PRODUCT", 100);
        product.remove("sku");
        invalid(product, "sku");

        Map<String, Object> amount = Rewards.body(p, "DISCOUNT_AMOUNT", 100);
        amount.put("sku", "CHAI");
        invalid(amount, "sku");

        Map<String, Object> early = Rewards.body(p, "EARLY_ACCESS", 100);
        early.remove("startsAt");
        invalid(early, "startsAt");

        Map<String, Object> custom = Rewards.body(p, "CUSTOM", 100);
        custom.remove("description");
        invalid(custom, "description");

        Map<String, Object> negative = Rewards.body(p, "FREE_SHIPPING", -1);
        invalid(negative, "cost");

        Map<String, Object> type = Rewards.body(p, "FREE_SHIPPING", 1);
        type.put("type", "CASHBACK");
        asAdmin().body(type).post("/api/v1/rewards").then().statusCode(400).contentType(PROBLEM);
    }

    private static void invalid(Map<String, Object> body, String field) {
        asAdmin().body(body).post("/api/v1/rewards").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(field));
    }

    @Test
    void theProgrammeMustExistAndEarnPoints() {
        asAdmin().body(Rewards.body(UUID.randomUUID().toString(), "FREE_SHIPPING", 10)).post("/api/v1/rewards").then()
                .statusCode(422).contentType(PROBLEM).body("type", equalTo("urn:loyalty:problem:unknown-programme"));
        String natural = asAdmin().body(Map.of("name", "natural", "kind", "NATURAL", "status", "ACTIVE", "currency", "INR"))
                .post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        invalid(Rewards.body(natural, "FREE_SHIPPING", 10), "programmeId");
    }

    @Test
    void onlyAdminsManageTheCatalogue() {
        String p = Rewards.programme();
        asRole("STOREFRONT").body(Rewards.body(p, "FREE_SHIPPING", 10)).post("/api/v1/rewards").then().statusCode(403)
                .contentType(PROBLEM);
        String r = Rewards.reward(p, 10);
        asRole("ANALYST").body(Map.of("stock", 5)).patch("/api/v1/rewards/" + r).then().statusCode(403);
        asRole("ANALYST").get("/api/v1/rewards/" + r).then().statusCode(200);
    }

    @Test
    void patchMergesAndKeepsTheProgramme() {
        String p = Rewards.programme();
        String r = Rewards.reward(p, 10);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("stock", 7, "status", "INACTIVE"))
                .patch("/api/v1/rewards/" + r).then().statusCode(200)
                .body("stock", equalTo(7)).body("status", equalTo("INACTIVE")).body("amount", equalTo(50.0f));
        asAdmin().body(Map.of("programmeId", Rewards.programme())).patch("/api/v1/rewards/" + r).then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:reward-programme"));
        asAdmin().body(Map.of("percent", 10)).patch("/api/v1/rewards/" + r).then().statusCode(400)
                .body("violations.field", hasItem("percent"));
        asAdmin().body(Map.of("stock", 1)).patch("/api/v1/rewards/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void patchMergesNestedObjectsMemberByMember() {
        Map<String, Object> body = Rewards.body(Rewards.programme(), "CUSTOM", 10);
        body.put("attributes", Map.of("colour", "red", "size", "M"));
        String r = Rewards.reward(body);
        Map<String, Object> attributes = new java.util.HashMap<>();
        attributes.put("size", null);
        attributes.put("engraving", "yes");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("attributes", attributes))
                .patch("/api/v1/rewards/" + r).then().statusCode(200)
                .body("attributes", equalTo(Map.of("colour", "red", "engraving", "yes")));
        Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("attributes", null);
        asAdmin().body(clear).patch("/api/v1/rewards/" + r).then().statusCode(200)
                .body("attributes", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void poolCodesAreImportedOnceWhateverTheFormat() {
        String p = Rewards.programme();
        String generated = Rewards.reward(p, 10);
        asAdmin().body(Map.of("codes", List.of("ABCD-1234"))).post("/api/v1/rewards/" + generated + "/codes").then()
                .statusCode(409).body("type", equalTo("urn:loyalty:problem:reward-not-pooled"));

        Map<String, Object> body = Rewards.body(p, "DISCOUNT_AMOUNT", 10);
        body.put("codeSource", "POOL");
        String pooled = Rewards.reward(body);
        String prefix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        asAdmin().body(Map.of("codes", List.of(prefix + "-1", prefix + "-2", prefix + "-2")))
                .post("/api/v1/rewards/" + pooled + "/codes").then().statusCode(200)
                .body("received", equalTo(3)).body("added", equalTo(2)).body("duplicates", equalTo(1))
                .body("available", equalTo(2));
        asAdmin().contentType("text/csv").body("code\n" + prefix.toLowerCase() + "-1\n" + prefix + "-3\n\n")
                .post("/api/v1/rewards/" + pooled + "/codes").then().statusCode(200)
                .body("received", equalTo(2)).body("added", equalTo(1)).body("duplicates", equalTo(1))
                .body("duplicateExamples", contains(prefix.toLowerCase() + "-1"))
                .body("available", equalTo(3));
        asAdmin().get("/api/v1/rewards/" + pooled).then().body("codesAvailable", equalTo(3));
        asAdmin().body(Map.of("codes", List.of("ok-code-1", "no spaces"))).post("/api/v1/rewards/" + pooled + "/codes")
                .then().statusCode(400).body("violations[0].field", equalTo("codes[1]"));
        asAdmin().body("{\"codes\": [").post("/api/v1/rewards/" + pooled + "/codes").then().statusCode(400)
                .contentType(PROBLEM);
        asAdmin().body(Map.of("codes", List.of())).post("/api/v1/rewards/" + pooled + "/codes").then().statusCode(400);
    }

    @Test
    void aStampRuleMayNameARewardOfItsOwnProgrammeOnly() {
        Map<String, Object> stamp = new java.util.HashMap<>(Map.of("id", "card", "type", "STAMP", "stampsRequired", 2,
                "reward", "free chai"));
        stamp.put("rewardId", UUID.randomUUID().toString());
        asAdmin().body(Fixtures.programmeBody(List.of(stamp))).post("/api/v1/programmes").then().statusCode(400)
                .body("violations.field", hasItem("rules[0].rewardId"));

        String p = Rewards.programme();
        String other = Rewards.reward(Rewards.programme(), 0);
        stamp.put("rewardId", other);
        asAdmin().body(Map.of("rules", List.of(stamp))).patch("/api/v1/programmes/" + p).then().statusCode(400)
                .body("violations.field", hasItem("rules[0].rewardId"));
        String own = Rewards.reward(p, 0);
        stamp.put("rewardId", own);
        asAdmin().body(Map.of("rules", List.of(stamp))).patch("/api/v1/programmes/" + p).then().statusCode(200)
                .body("rules[0].rewardId", equalTo(own));
    }
}
