package io.loyalty.reward;

import io.agroal.api.AgroalDataSource;
import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
public class RedemptionProblemsTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aStampCardWhoseRewardIsGoneRefusesTheOrderWithAProblemNotA500() throws Exception {
        String p = Rewards.programme();
        String freeChai = Rewards.reward(Rewards.body(p, "FREE_PRODUCT", 0));
        Map<String, Object> stamp = Map.of("id", "card", "type", "STAMP", "stampsRequired", 1, "per", "ORDER",
                "rewardId", freeChai);
        asAdmin().body(Map.of("rules", List.of(stamp))).patch("/api/v1/programmes/" + p).then().statusCode(200);
        // Rewards are never deleted through the API; only the data itself can leave a rule pointing nowhere.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM reward WHERE id = ?")) {
            s.setObject(1, UUID.fromString(freeChai));
            s.executeUpdate();
        }
        String customer = Fixtures.member(p);

        Fixtures.post(Fixtures.order(customer, new Object[]{"CHAI", "drinks", 1, "60.00"})).then()
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:loyalty:problem:stamp-reward-missing"))
                .body("detail", containsString("'card'"))
                .body("detail", containsString(freeChai));
        asAdmin().queryParam("customerId", customer).get("/api/v1/orders").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aPartnerKeyRedeemingForAnotherPartnerIsAForbiddenProblem() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 100);
        String reward = Rewards.reward(p, 10);
        asRole("PARTNER").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", c, "rewardId", reward, "partnerId", UUID.randomUUID().toString()))
                .post("/api/v1/redemptions").then()
                .statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:loyalty:problem:forbidden"))
                .body("detail", containsString("its own partner"));
    }
}
