package io.loyalty.reward;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static io.loyalty.TestSupport.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The business series in /q/metrics move with what happens, once per committed change. */
@QuarkusTest
public class BusinessMetricsTest {

    @Test
    void ordersPointsRedemptionsAndImportRowsAreCounted() throws Exception {
        String p = Rewards.programme();
        String c = Fixtures.member(p);
        String reward = Rewards.reward(p, 100);
        String programme = "programme=\"" + p + "\"";
        double imported = value("loyalty_import_rows_total", "outcome=\"imported\"");
        double rejected = value("loyalty_import_rows_total", "outcome=\"rejected\"");

        Map<String, Object> order = Fixtures.order(c, new Object[]{"CHAI", "drinks", 2, "150.00"});
        Fixtures.post(order).then().statusCode(201);
        Fixtures.post(order).then().statusCode(200); // a replay changes nothing, so counts nothing
        assertEquals(1, value("loyalty_orders_accrued_total", programme));
        assertEquals(300, value("loyalty_points_total", programme, "movement=\"issued\"", "direction=\"credit\""));

        String redemption = Rewards.redeem(c, reward).then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("reason", "changed mind")).post("/api/v1/redemptions/" + redemption + "/cancel")
                .then().statusCode(200);
        assertEquals(100, value("loyalty_points_total", programme, "movement=\"redeemed\"", "direction=\"debit\""));
        assertEquals(100, value("loyalty_points_total", programme, "movement=\"refunded\"", "direction=\"credit\""));
        assertEquals(1, value("loyalty_redemptions_total", programme, "status=\"issued\""));
        assertEquals(1, value("loyalty_redemptions_total", programme, "status=\"cancelled\""));

        String run = TestSupport.unique("metrics");
        Response accepted = asAdmin().contentType("text/csv").body(String.join("\n",
                        "externalId,customerExternalId,placedAt,currency,total",
                        run + "-1," + run + "-c,2024-03-01,INR,10.00",
                        run + "-2," + run + "-c,2024-03-01,INR,not-a-number") + "\n")
                .post("/api/v1/imports/orders");
        accepted.then().statusCode(202);
        awaitFinished(accepted.header("Location"));
        assertTrue(value("loyalty_import_rows_total", "outcome=\"imported\"") >= imported + 1);
        assertTrue(value("loyalty_import_rows_total", "outcome=\"rejected\"") >= rejected + 1);
    }

    @Test
    void theConnectionPoolIsMeasured() {
        String metrics = io.loyalty.Management.metrics();
        assertTrue(metrics.contains("agroal_active_count{datasource=\"default\""), "agroal pool metrics");
        assertTrue(metrics.contains("agroal_awaiting_count{datasource=\"default\""), "agroal pool metrics");
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics");
    }

    /** The sum of the series of that name whose labels contain all the given label pairs. */
    static double value(String name, String... labels) {
        String metrics = io.loyalty.Management.metrics();
        return metrics.lines()
                .filter(l -> l.startsWith(name + "{"))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void awaitFinished(String location) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            String status = asAdmin().get(location).path("status");
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("import did not finish in 60 s");
    }
}
