package io.loyalty.feedback;

import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Olist sample (../shared/data/olist_sample, not in the repository): real review scores with their orders.
 * Its orders go in through the order import and its reviews through the feedback import, under a channel of
 * their own; the feedback metrics must then equal a deliberately plain count over the raw CSV files.
 */
@QuarkusTest
public class OlistFeedbackImportTest {
    private static final List<Path> CANDIDATES = List.of(Path.of("../shared/data/olist_sample"),
            Path.of("../../shared/data/olist_sample"));
    /** Olist's timestamps, like 10/2/2017 10:56 (M/D/YYYY H:MM). */
    private static final DateTimeFormatter OLIST = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");

    @Test
    void importedReviewsGiveTheResponsesMeanScoreAndTopTwoBoxOfTheRawFile() throws Exception {
        Path dir = CANDIDATES.stream().filter(p -> Files.isRegularFile(p.resolve("olist_order_reviews_dataset.csv")))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(dir != null, "../shared/data/olist_sample is not present: skipping the Olist feedback import");
        String run = TestSupport.unique("olist");
        String channel = "t" + run.replaceAll("[^A-Za-z0-9]", "");

        // Orders: the customer is customer_unique_id (one person across orders), the total what was paid.
        Map<String, String> personOf = new HashMap<>();
        for (String[] c : rows(dir.resolve("olist_customers_dataset.csv"))) {
            personOf.put(c[1], c[2]);
        }
        Map<String, BigDecimal> paid = new HashMap<>();
        for (String[] p : rows(dir.resolve("olist_order_payments_dataset.csv"))) {
            paid.merge(p[1], new BigDecimal(p[5]), BigDecimal::add);
        }
        StringBuilder orders = new StringBuilder("externalId,customerExternalId,placedAt,currency,total,channel\n");
        Map<String, Boolean> imported = new HashMap<>();
        for (String[] o : rows(dir.resolve("olist_orders_dataset.csv"))) {
            BigDecimal total = paid.get(o[0]);
            if (total == null || total.signum() <= 0) {
                continue; // no payment recorded: not an order we can import
            }
            imported.put(o[0], true);
            orders.append(run).append('-').append(o[0]).append(',').append(run).append('-').append(personOf.get(o[1]))
                    .append(',').append(iso(o[3])).append(",BRL,").append(total.toPlainString()).append(',')
                    .append(channel).append('\n');
        }
        Imports.run("orders", Imports.CSV, orders.toString()).then().body("status", equalTo("COMPLETED"))
                .body("imported", equalTo(imported.size())).body("rejected", equalTo(0));

        // Reviews: one REVIEW per row, given on review_creation_date, about its order.
        List<String[]> reviews = rows(dir.resolve("olist_order_reviews_dataset.csv"));
        StringBuilder feedback = new StringBuilder("externalId,customerExternalId,orderExternalId,type,score,channel,givenAt\n");
        List<Long> orphanLines = new ArrayList<>();
        Map<String, String> customerOfOrder = new HashMap<>();
        for (String[] o : rows(dir.resolve("olist_orders_dataset.csv"))) {
            customerOfOrder.put(o[0], personOf.get(o[1]));
        }
        for (int i = 0; i < reviews.size(); i++) {
            String[] r = reviews.get(i);
            feedback.append(run).append("-review-").append(r[0]).append(',').append(run).append('-')
                    .append(customerOfOrder.get(r[1])).append(',').append(run).append('-').append(r[1]).append(",REVIEW,")
                    .append(r[2]).append(',').append(channel).append(',').append(iso(r[3])).append('\n');
            if (!imported.containsKey(r[1])) {
                orphanLines.add(i + 2L);
            }
        }
        JsonPath job = Imports.run("feedback", Imports.CSV, feedback.toString()).then().extract().jsonPath();
        assertEquals("COMPLETED", job.getString("status"));
        org.jboss.logging.Logger.getLogger(OlistFeedbackImportTest.class).infof("Olist: %d reviews imported in %d ms", job.getInt("rowsRead"), java.time.Duration.between(
                Instant.parse(job.getString("startedAt")), Instant.parse(job.getString("finishedAt"))).toMillis());
        assertEquals(reviews.size(), job.getInt("rowsRead"));
        assertEquals(reviews.size() - orphanLines.size(), job.getInt("imported"));
        assertEquals(orphanLines.size(), job.getInt("rejected"), "reviews of orders without a payment");
        assertEquals(orphanLines, job.getList("rejections.line", Long.class));

        for (String[] period : new String[][]{{"2017-01-01", "2018-01-01"}, {"2018-01-01", "2019-01-01"},
                {"2018-03-01", "2018-04-01"}, {"2016-01-01", "2019-01-01"}}) {
            Instant from = LocalDate.parse(period[0]).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant to = LocalDate.parse(period[1]).atStartOfDay().toInstant(ZoneOffset.UTC);
            long responses = 0;
            long sum = 0;
            long topTwo = 0;
            for (String[] r : reviews) {
                Instant given = Instant.parse(iso(r[3]));
                if (imported.containsKey(r[1]) && !given.isBefore(from) && given.isBefore(to)) {
                    int score = Integer.parseInt(r[2]);
                    responses++;
                    sum += score;
                    if (score >= 4) {
                        topTwo++;
                    }
                }
            }
            assertTrue(responses > 0, "the period " + period[0] + " has reviews");
            JsonPath m = new JsonPath(asRole("ANALYST").queryParam("from", period[0]).queryParam("to", period[1])
                    .queryParam("channel", channel).get("/api/v1/metrics/feedback").then().statusCode(200).extract().asString())
                    .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
            String what = period[0] + ".." + period[1];
            assertEquals("REVIEW", m.getString("satisfaction[1].type"));
            assertEquals(responses, m.getLong("satisfaction[1].responses"), what);
            BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(responses), 6, RoundingMode.HALF_EVEN);
            assertEquals(0, mean.compareTo(m.get("satisfaction[1].meanScore")), what + ": mean " + mean);
            assertEquals(topTwo, m.getLong("satisfaction[1].topTwoBox.numerator"), what);
            assertEquals(responses, m.getLong("satisfaction[1].topTwoBox.denominator"), what);
            BigDecimal share = BigDecimal.valueOf(topTwo).divide(BigDecimal.valueOf(responses), 6, RoundingMode.HALF_EVEN);
            assertEquals(0, share.compareTo(m.get("satisfaction[1].topTwoBox.value")), what + ": top two " + share);
            assertEquals(0, m.getLong("nps.responses"), what);
            // History opened no incidents.
            assertEquals(0, m.getLong("incidents.opened"), what);
        }
    }

    /** M/D/YYYY H:MM as an ISO instant in UTC (Olist gives no zone). */
    private static String iso(String olist) {
        return LocalDateTime.parse(olist, OLIST).toInstant(ZoneOffset.UTC).toString();
    }

    /** The rows of a CSV without quoted fields (none of the Olist sample files has any), header skipped. */
    private static List<String[]> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }
}
