package io.loyalty.order;

import io.agroal.api.AgroalDataSource;
import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.Fixtures.order;
import static io.loyalty.Fixtures.post;
import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;

/**
 * Orders and returns stored by earlier versions must still read: the JSON below is the stored format of
 * {@code orders.accrual} and {@code order_return.stamps} as written today, and changing a property name of
 * {@link AccrualSnapshot} or {@link ReturnSnapshot} breaks these tests.
 */
@QuarkusTest
public class StoredSnapshotTest {

    @Inject
    AgroalDataSource dataSource;

    private void update(String sql, String json, UUID id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, json);
            s.setObject(2, id);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no row " + id);
            }
        }
    }

    @Test
    void anAccrualStoredInTodaysFormatIsAnsweredAndReturnedAgainst() throws Exception {
        Map<String, Object> card = new HashMap<>(Map.of("id", "card", "type", "STAMP", "stampsRequired", 10,
                "per", "UNIT", "reward", "A gift"));
        String p = Fixtures.programme(List.of(Fixtures.spend("spend", 1), card));
        String c = Fixtures.member(p);
        String id = post(order(c, new Object[]{"A", "x", 2, "10"}, new Object[]{"B", "y", 2, "10"})).path("id");
        // What the order stores, with a name and counts of its own so that the answer can only come from here.
        update("UPDATE orders SET accrual = CAST(? AS jsonb) WHERE id = ?", """
                [{"programmeId": "%s", "programmeName": "Stored name", "points": 40,
                  "items": [{"ruleId": "spend", "type": "SPEND", "points": 40, "capped": false}],
                  "stamps": [{"ruleId": "card", "earned": 2, "onCard": 4, "required": 10, "cardsCompleted": 0,
                              "reward": "A gift", "redemptionIds": [], "lineNos": [2]}],
                  "balance": 1040}]""".formatted(p), UUID.fromString(id));

        asAdmin().get("/api/v1/orders/" + id).then().statusCode(200)
                .body("accrual[0].programmeId", equalTo(p))
                .body("accrual[0].programmeName", equalTo("Stored name"))
                .body("accrual[0].points", equalTo(40))
                .body("accrual[0].balance", equalTo(1040))
                .body("accrual[0].items[0].ruleId", equalTo("spend"))
                .body("accrual[0].items[0].type", equalTo("SPEND"))
                .body("accrual[0].items[0].capped", equalTo(false))
                .body("accrual[0].stamps[0].earned", equalTo(2))
                .body("accrual[0].stamps[0].onCard", equalTo(4))
                .body("accrual[0].stamps[0].required", equalTo(10))
                .body("accrual[0].stamps[0].cardsCompleted", equalTo(0))
                .body("accrual[0].stamps[0].reward", equalTo("A gift"))
                .body("accrual[0].stamps[0].redemptionIds.size()", equalTo(0))
                .body("accrual[0].stamps[0].lineNos", equalTo(List.of(2)));

        // The stored stamps (2, on line 2 only) are what a return takes back: half of line 2 is one stamp.
        String first = ReturnTest.returnItems(id, UUID.randomUUID().toString(), ReturnTest.lines(2, 1))
                .then().statusCode(201)
                .body("stamps[0].ruleId", equalTo("card"))
                .body("stamps[0].stamps", equalTo(1))
                .extract().path("id");

        // An earlier return stored in today's format counts: it says it took both stamps, so none are left.
        update("UPDATE order_return SET stamps = CAST(? AS jsonb) WHERE id = ?", """
                [{"programmeId": "%s", "ruleId": "card", "stamps": 2, "onCard": 2, "debt": 0}]""".formatted(p),
                UUID.fromString(first));
        ReturnTest.returnItems(id, UUID.randomUUID().toString(), ReturnTest.lines(2, 1)).then().statusCode(201)
                .body("stamps.size()", equalTo(0));
    }
}
