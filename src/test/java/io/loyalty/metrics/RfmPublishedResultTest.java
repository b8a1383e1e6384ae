package io.loyalty.metrics;

import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The R package {@code rfm}'s demo data (../shared/data/rfm_r_package, not in the repository) through the bulk
 * import: its published Champions figures, and every segment against {@link RfmReference} on the raw file.
 */
@QuarkusTest
class RfmPublishedResultTest {

    @Test
    void theRPackagesDemoDataGivesItsPublishedChampions() throws Exception {
        Path file = MetricsFixtures.shared("rfm_r_package/rfm_data_orders.csv");
        Assumptions.assumeTrue(file != null, "../shared/data/rfm_r_package is not present: skipping the R rfm package check");
        String channel = MetricsFixtures.channel();
        String run = TestSupport.unique("rfm");
        List<RfmReference.Order> raw = new ArrayList<>();
        StringBuilder csv = new StringBuilder("externalId,customerExternalId,placedAt,currency,total,channel\n");
        List<String> lines = Files.readAllLines(file);
        for (int i = 1; i < lines.size(); i++) {
            // customer_id,order_date,revenue,first_name,last_name,email: names hold no commas or quotes
            String[] f = lines.get(i).split(",");
            csv.append(run).append('-').append(i).append(',').append(run).append('-').append(f[0]).append(',')
                    .append(f[1]).append(",USD,").append(f[2]).append(',').append(channel).append('\n');
            raw.add(new RfmReference.Order(f[0], LocalDate.parse(f[1]).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    new BigDecimal(f[2])));
        }
        MetricsFixtures.importCsv(csv.toString()).then().body("status", equalTo("COMPLETED"))
                .body("imported", equalTo(4906)).body("rejected", equalTo(0));

        JsonPath result = asRole("ANALYST").queryParam("asOf", "2006-12-31").queryParam("channel", channel)
                .get("/api/v1/metrics/rfm").then().statusCode(200)
                .body("customers", equalTo(995))
                .body("currency", equalTo("USD"))
                .body("segments[0].segment", equalTo("Champions"))
                .body("segments[0].customers", equalTo(158))
                .body("segments[0].orders", equalTo(1234))
                .body("bins.recency.quantiles", equalTo(List.of(114, 180, 296.4f, 481)))
                .body("bins.frequency.quantiles", equalTo(List.of(3, 4, 5, 7)))
                .body("bins.monetary.quantiles", equalTo(List.of(254.8f, 381, 505.4f, 665)))
                .extract().jsonPath();
        assertEquals(0, new BigDecimal("120178").compareTo(result.getObject("segments[0].revenue", BigDecimal.class)));

        Map<String, RfmReference.Totals> expected = RfmReference.segments(raw, Instant.parse("2006-12-31T00:00:00Z"));
        assertEquals(158, expected.get("Champions").customers(), "the reference agrees with the package too");
        List<Map<String, Object>> segments = result.getList("segments");
        assertEquals(RfmSegment.values().length, segments.size());
        for (int i = 0; i < segments.size(); i++) {
            String name = (String) segments.get(i).get("segment");
            assertEquals(RfmSegment.values()[i].label, name, "the table's order");
            RfmReference.Totals t = expected.getOrDefault(name, new RfmReference.Totals(0, 0, BigDecimal.ZERO));
            assertEquals(t.customers(), ((Number) segments.get(i).get("customers")).longValue(), name);
            assertEquals(t.orders(), ((Number) segments.get(i).get("orders")).longValue(), name);
            assertEquals(0, t.revenue().compareTo(result.getObject("segments[" + i + "].revenue", BigDecimal.class)), name);
        }
    }
}
