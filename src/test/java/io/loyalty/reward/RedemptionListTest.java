package io.loyalty.reward;

import io.loyalty.common.PageRequest;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class RedemptionListTest {
    private static final Caller ADMIN = new Caller(UUID.randomUUID(), "test", Role.ADMIN, null);

    @Inject
    RedemptionQueries queries;

    @Test
    void aPageIsReadInTheSameFewQueriesWhateverItsSize() {
        String p = Rewards.programme();
        String one = Rewards.memberWith(p, 100);
        Rewards.redeem(one, Rewards.reward(p, 10)).then().statusCode(201);
        String many = Rewards.memberWith(p, 1000);
        for (int i = 0; i < 6; i++) {
            Rewards.redeem(many, Rewards.reward(p, 10 + i)).then().statusCode(201);
        }

        int forOne = statementsToList(one, 1);
        int forMany = statementsToList(many, 6);
        assertTrue(forOne > 0, "the statement counter saw nothing");
        assertEquals(forOne, forMany, "listing 6 redemptions took more queries than listing 1");
        assertTrue(forMany <= 4, "a page took " + forMany + " queries");
    }

    @Test
    void eachListedRedemptionHasItsOwnRewardBalanceAndHistory() {
        String p = Rewards.programme();
        String c = Rewards.memberWith(p, 500);
        String cheap = Rewards.reward(p, 100);
        String dear = Rewards.reward(p, 300);
        String first = Rewards.redeem(c, cheap).then().statusCode(201).extract().path("id");
        String second = Rewards.redeem(c, dear).then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("reason", "changed mind")).post("/api/v1/redemptions/" + first + "/cancel")
                .then().statusCode(200);

        var page = asAdmin().queryParam("customerId", c).get("/api/v1/redemptions").then().statusCode(200)
                .body("items", hasSize(2)).extract();
        int i = first.compareTo(second) < 0 ? 0 : 1;
        int j = 1 - i;
        page.response().then()
                .body("items[" + i + "].id", equalTo(first))
                .body("items[" + i + "].rewardId", equalTo(cheap))
                .body("items[" + i + "].transitions.status", contains("ISSUED", "CANCELLED"))
                .body("items[" + i + "].balance", equalTo(200))
                .body("items[" + j + "].id", equalTo(second))
                .body("items[" + j + "].rewardId", equalTo(dear))
                .body("items[" + j + "].transitions.status", contains("ISSUED"))
                .body("items[" + j + "].points", equalTo(300));
    }

    /** Lists the customer's redemptions in a fresh persistence context and counts the statements it took. */
    private int statementsToList(String customer, int expected) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StatementCounter.start();
            int listed;
            int statements;
            try {
                listed = queries.list(null, UUID.fromString(customer), null, new PageRequest(50, null), ADMIN).items().size();
            } finally {
                statements = StatementCounter.stop();
            }
            assertEquals(expected, listed);
            return statements;
        });
    }
}
