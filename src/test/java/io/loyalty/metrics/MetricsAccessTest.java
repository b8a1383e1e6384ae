package io.loyalty.metrics;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.metrics.OrderMetricsFixtures.customer;
import static io.loyalty.metrics.OrderMetricsFixtures.get;
import static io.loyalty.metrics.OrderMetricsFixtures.order;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may read the metrics, what a PARTNER key sees, and the 400s of bad parameters. */
@QuarkusTest
class MetricsAccessTest {
    /**
     * A PARTNER key sees only orders placed with its partner. One of three orders is posted with the partner's own
     * key. Admin: 2 buyers, 3 orders; the partner: 1 buyer, 1 order, and its partnerId echoed.
     */
    @Test
    void aPartnerSeesOnlyItsOwnOrders() {
        String partner = Fixtures.partner(Fixtures.programme(List.of(Fixtures.spend("spend", 1))));
        String partnerKey = Fixtures.partnerKey(partner);
        String ch = OrderMetricsFixtures.channel();
        String a = customer();
        OrderMetricsFixtures.order(TestSupport.as(partnerKey), ch, a, "2025-05-01T10:00:00Z", "10");
        order(ch, a, "2025-05-02T10:00:00Z", "20");
        order(ch, customer(), "2025-05-03T10:00:00Z", "30");
        String[] period = {"from", "2025-04-01", "to", "2025-07-01", "channel", ch};
        JsonPath admin = get("/api/v1/metrics/purchases", period);
        assertEquals(2, admin.getLong("buyers"));
        assertEquals(3, admin.getLong("orders"));
        JsonPath seen = get(TestSupport.as(partnerKey), "/api/v1/metrics/purchases", period);
        assertEquals(1, seen.getLong("buyers"));
        assertEquals(1, seen.getLong("orders"));
        assertEquals(partner, seen.getString("inputs.partnerId"));
        assertEquals(1, get(TestSupport.as(partnerKey), "/api/v1/metrics/retention", period).getLong("newCustomers"));
        assertEquals(1, get(TestSupport.as(partnerKey), "/api/v1/metrics/cohorts", period).getLong("cohorts[0].size"));
        assertEquals(2, get(TestSupport.asRole("ANALYST"), "/api/v1/metrics/cohorts", period).getLong("cohorts[0].size"));
    }

    @Test
    void storefrontsMayNotReadMetrics() {
        for (String path : List.of("retention", "retention/series", "purchases", "cohorts")) {
            TestSupport.asRole("STOREFRONT").get("/api/v1/metrics/" + path).then().statusCode(403);
        }
    }

    @Test
    void everyBadParameterIsNamedInOne400() {
        asAdmin().queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").queryParam("timezone", "Mars/Olympus")
                .queryParam("activityWindow", "P0D")
                .get("/api/v1/metrics/retention").then().statusCode(400)
                .body("violations.field", hasItems("from", "timezone", "activityWindow"));
        asAdmin().queryParam("activityWindow", "P-1D").queryParam("interval", "P0M")
                .get("/api/v1/metrics/retention/series").then().statusCode(400)
                .body("violations.field", hasItems("activityWindow", "interval"));
        asAdmin().queryParam("from", "2020-01-01").queryParam("to", "2025-01-01").queryParam("interval", "P1D")
                .get("/api/v1/metrics/retention/series").then().statusCode(400)
                .body("violations[0].field", equalTo("interval"))
                .body("violations[0].message", equalTo("gives more than 1000 periods between from and to"));
        asAdmin().queryParam("from", "2025-01-01").queryParam("to", "2025-01-01T00:00:00Z").get("/api/v1/metrics/purchases")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        asAdmin().queryParam("granularity", "day").queryParam("view", "money")
                .get("/api/v1/metrics/cohorts").then().statusCode(400)
                .body("violations.field", hasItems("granularity", "view"));
        asAdmin().queryParam("from", "2000-01-01").queryParam("to", "2025-01-01").queryParam("granularity", "week")
                .get("/api/v1/metrics/cohorts").then().statusCode(400)
                .body("violations[0].field", equalTo("granularity"));
    }

    /** 1,000 daily periods is the most a series may have; they all come back, in order, without a 400. */
    @Test
    void aThousandPeriodsAreAllowed() {
        JsonPath r = get("/api/v1/metrics/retention/series", "from", "2022-01-01", "to", "2024-09-27", "interval", "P1D",
                "channel", OrderMetricsFixtures.channel());
        assertEquals(1000, r.getList("periods").size());
        assertEquals("2024-09-26T00:00:00Z", r.getString("periods[999].from"));
    }
}
