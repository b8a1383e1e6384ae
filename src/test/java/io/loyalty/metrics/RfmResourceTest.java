package io.loyalty.metrics;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.loyalty.TestSupport.asRole;
import static io.loyalty.metrics.MetricsFixtures.order;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ten customers whose RFM figures are worked out by hand (as of 2024-06-01):
 * <pre>
 *        R days  F  M     R score  F score  M score  segment
 *   c1   1       8  800   5        5        5        Champions  (7 x 100 + 150 with 50 returned)
 *   c2   2       5  500   5        5        5        Champions
 *   c3   3       3  300   5        4        4        Champions
 *   c4   4       2  200   4        3        4        Loyal Customers
 *   c5   5       2  100   4        3        3        Loyal Customers
 *   c6   6       1  90    3        1        3        Potential Loyalist
 *   c7   7       1  80    3        1        2        Potential Loyalist
 *   c8   8       1  70    2        1        2        About To Sleep
 *   c9   9       1  60    2        1        1        About To Sleep (its order placed at asOf does not count)
 *   c10  10      1  50    1        1        1        Lost (a fully returned order 12 h before asOf does not count)
 * </pre>
 * n = 10, so q_k sits at h = 9k/5 = 1.8, 3.6, 5.4, 7.2 (0-based): recency 1..10 gives q = 2.8, 4.6, 6.4, 8.2 and
 * edges 3.8, 5.6, 7.4, 9.2; frequency 1,1,1,1,1,2,2,3,5,8 gives q = 1, 1, 2, 3.4 and edges 2, 2, 3, 4.4 (bin 2 is
 * [2, 2), empty: F = 2 scores 3); monetary 50..100, 200, 300, 500, 800 gives q = 68, 86, 140, 340.
 */
@QuarkusTest
class RfmResourceTest {
    static final Instant AS_OF = Instant.parse("2024-06-01T00:00:00Z");

    private static Instant daysBefore(double days) {
        return AS_OF.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    @Test
    void aHandComputedPopulation() {
        String ch = MetricsFixtures.channel();
        int[] frequency = {8, 5, 3, 2, 2, 1, 1, 1, 1, 1};
        String[] each = {"100", "100", "100", "100", "50", "90", "80", "70", "60", "50"};
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String c = Fixtures.customer();
            customers.add(c);
            for (int k = frequency[i] - 1; k >= 0; k--) {
                boolean last = k == 0;
                if (i == 0 && last) {
                    MetricsFixtures.returnAmount(order(c, daysBefore(1), "150", ch), "50");
                } else {
                    order(c, last ? daysBefore(i + 1) : daysBefore(20 + k), each[i], ch);
                }
            }
        }
        order(customers.get(8), AS_OF, "1000", ch);
        MetricsFixtures.returnAll(order(customers.get(9), daysBefore(0.5), "999", ch));

        JsonPath r = asRole("ANALYST").queryParam("asOf", "2024-06-01").queryParam("channel", ch).get("/api/v1/metrics/rfm")
                .then().statusCode(200)
                .body("inputs.asOf", equalTo("2024-06-01T00:00:00Z"))
                .body("inputs.channel", equalTo(ch))
                .body("customers", equalTo(10))
                .body("currency", equalTo("INR"))
                .body("segments.segment", equalTo(List.of("Champions", "Loyal Customers", "Potential Loyalist",
                        "New Customers", "Promising", "Need Attention", "About To Sleep", "At Risk", "Can't Lose Them",
                        "Lost", "Others")))
                .body("segments.customers", equalTo(List.of(3, 2, 2, 0, 0, 0, 2, 0, 0, 1, 0)))
                .body("segments.orders", equalTo(List.of(16, 4, 2, 0, 0, 0, 2, 0, 0, 1, 0)))
                .body("segments[0].recencyScores.min", equalTo(5)).body("segments[0].recencyScores.max", equalTo(5))
                .body("segments[0].frequencyScores.min", equalTo(4)).body("segments[0].frequencyScores.max", equalTo(5))
                .body("segments[0].monetaryScores.min", equalTo(4)).body("segments[0].monetaryScores.max", equalTo(5))
                .body("segments[1].frequencyScores.min", equalTo(3)).body("segments[1].frequencyScores.max", equalTo(3))
                .body("segments[3].recencyScores", nullValue())
                .body("bins.recency.quantiles", equalTo(List.of(2.8f, 4.6f, 6.4f, 8.2f)))
                .body("bins.recency.lower", equalTo(List.of(1, 3.8f, 5.6f, 7.4f, 9.2f)))
                .body("bins.recency.upper", equalTo(List.of(3.8f, 5.6f, 7.4f, 9.2f, 11)))
                .body("bins.frequency.quantiles", equalTo(List.of(1, 1, 2, 3.4f)))
                .body("bins.frequency.lower", equalTo(List.of(1, 2, 2, 3, 4.4f)))
                .body("bins.monetary.quantiles", equalTo(List.of(68, 86, 140, 340)))
                .body("bins.monetary.upper", equalTo(List.of(69, 87, 141, 341, 801)))
                .extract().jsonPath();
        String[] revenue = {"1600", "300", "170", "0", "0", "0", "130", "0", "0", "50", "0"};
        for (int i = 0; i < revenue.length; i++) {
            assertEquals(0, new BigDecimal(revenue[i]).compareTo(r.getObject("segments[" + i + "].revenue", BigDecimal.class)),
                    "revenue of segment " + i);
        }

        // the customers of one segment, in customer id (creation) order, two per page
        Response first = asRole("ANALYST").queryParam("asOf", "2024-06-01").queryParam("channel", ch)
                .queryParam("segment", "champions").queryParam("limit", 2).get("/api/v1/metrics/rfm/customers");
        first.then().statusCode(200).body("items", hasSize(2))
                .body("items[0].customerId", equalTo(customers.get(0)))
                .body("items[0].lastOrderAt", equalTo("2024-05-31T00:00:00Z"))
                .body("items[0].recency", equalTo(1))
                .body("items[0].frequency", equalTo(8))
                .body("items[0].recencyScore", equalTo(5)).body("items[0].frequencyScore", equalTo(5))
                .body("items[0].monetaryScore", equalTo(5)).body("items[0].segment", equalTo("Champions"))
                .body("items[1].customerId", equalTo(customers.get(1)));
        assertEquals(0, new BigDecimal("800").compareTo(first.jsonPath().getObject("items[0].monetary", BigDecimal.class)));
        asRole("ANALYST").queryParam("asOf", "2024-06-01").queryParam("channel", ch).queryParam("segment", "Champions")
                .queryParam("after", first.path("nextCursor").toString()).get("/api/v1/metrics/rfm/customers")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].customerId", equalTo(customers.get(2)))
                .body("items[0].frequencyScore", equalTo(4)).body("nextCursor", nullValue());

        // all ten as CSV; the fully returned order leaves c10 at 10 days, the order at asOf leaves c9 at 9
        String csv = asRole("ANALYST").accept("text/csv").queryParam("asOf", "2024-06-01").queryParam("channel", ch)
                .get("/api/v1/metrics/rfm/customers").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(11, lines.length);
        assertEquals(String.join(",", RfmResource.CSV_HEADER), lines[0]);
        assertEquals(customers.get(8) + ",2024-05-23T00:00:00Z,9,1,60.0000,2,1,1,About To Sleep", lines[9]);
        assertEquals(customers.get(9) + ",2024-05-22T00:00:00Z,10,1,50.0000,1,1,1,Lost", lines[10]);
    }

    @Test
    void moneyBeyondWhatABigintOfTenThousandthsHoldsIsScoredExactlyToo() {
        // 999,999,999,999,999, the most one order may total, is 10^19 - 10^4 ten-thousandths, beyond a bigint: this
        // population's money is sorted and compared in numeric. M = 10, 20, 999,999,999,999,999, 30; n = 4 puts q_k
        // at h = 3k/5 = 0.6, 1.2, 1.8, 2.4, so q = 16, 22, 28 and 30 + 0.4 x 999,999,999,999,969 = 400,000,000,000,017.6;
        // M scores (M >= q + 1): 1, 2, 5, 4.
        String ch = MetricsFixtures.channel();
        String[] totals = {"10", "20", "999999999999999", "30"};
        for (int i = 0; i < totals.length; i++) {
            order(Fixtures.customer(), daysBefore(i + 1), totals[i], ch, false);
        }
        JsonPathConfig exact = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
        JsonPath r = new JsonPath(asRole("ANALYST").queryParam("asOf", "2024-06-01").queryParam("channel", ch)
                .get("/api/v1/metrics/rfm").then().statusCode(200).extract().asString()).using(exact);
        List<BigDecimal> q = r.getList("bins.monetary.quantiles", BigDecimal.class);
        String[] expected = {"16", "22", "28", "400000000000017.6"};
        for (int k = 0; k < 4; k++) {
            assertEquals(0, new BigDecimal(expected[k]).compareTo(q.get(k)), "q" + (k + 1) + " " + q);
        }
        assertEquals(0, new BigDecimal("999999999999999").compareTo(r.getList("bins.monetary.upper", BigDecimal.class).get(4)
                .subtract(BigDecimal.ONE)));
        JsonPath items = new JsonPath(asRole("ANALYST").queryParam("asOf", "2024-06-01").queryParam("channel", ch)
                .get("/api/v1/metrics/rfm/customers").then().statusCode(200).extract().asString()).using(exact);
        assertEquals(List.of(1, 2, 5, 4), items.getList("items.monetaryScore", Integer.class));
        assertEquals(0, new BigDecimal("999999999999999").compareTo(items.getObject("items[2].monetary", BigDecimal.class)));
    }

    @Test
    void fractionalRecencyAndNoCustomers() {
        String ch = MetricsFixtures.channel();
        asRole("ANALYST").queryParam("asOf", "2024-06-01").queryParam("channel", ch).get("/api/v1/metrics/rfm")
                .then().statusCode(200).body("customers", equalTo(0)).body("bins", nullValue())
                .body("currency", nullValue())
                .body("segments", hasSize(11)).body("segments[0].customers", equalTo(0))
                .body("segments[0].recencyScores", nullValue());
        String c = Fixtures.customer();
        order(c, daysBefore(2.5), "10", ch);
        asRole("ANALYST").queryParam("asOf", "2024-06-01").queryParam("channel", ch).get("/api/v1/metrics/rfm/customers")
                .then().statusCode(200).body("items[0].recency", equalTo(2.5f))
                // one customer: every quantile is its value, it sits in bin 1 of each: R 5, F 1, M 1
                .body("items[0].recencyScore", equalTo(5)).body("items[0].frequencyScore", equalTo(1))
                .body("items[0].segment", equalTo("Potential Loyalist"));
    }

    @Test
    void badParametersAre400sAndOnlyAdminsAndAnalystsMayAsk() {
        asRole("ANALYST").queryParam("asOf", "yesterday").get("/api/v1/metrics/rfm").then().statusCode(400)
                .body("violations[0].field", equalTo("asOf"));
        asRole("ANALYST").queryParam("segment", "Whales").get("/api/v1/metrics/rfm/customers").then().statusCode(400)
                .body("violations[0].field", equalTo("segment")).body("detail", containsString("Can't Lose Them"));
        asRole("ANALYST").queryParam("channel", "no spaces").queryParam("timezone", "Mars/Olympus")
                .get("/api/v1/metrics/rfm").then().statusCode(400)
                .body("violations.field", equalTo(List.of("timezone", "channel")));
        asRole("ANALYST").queryParam("limit", 0).get("/api/v1/metrics/rfm/customers").then().statusCode(400);
        asRole("STOREFRONT").get("/api/v1/metrics/rfm").then().statusCode(403);
    }
}
