package io.loyalty.metrics;

import io.loyalty.TestSupport;
import io.loyalty.metrics.CdnowReference.Line;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.metrics.CdnowReference.activeAt;
import static io.loyalty.metrics.CdnowReference.bucket;
import static io.loyalty.metrics.CdnowReference.count;
import static io.loyalty.metrics.CdnowReference.divide;
import static io.loyalty.metrics.CdnowReference.firstOrders;
import static io.loyalty.metrics.CdnowReference.label;
import static io.loyalty.metrics.CdnowReference.list;
import static io.loyalty.metrics.CdnowReference.money;
import static io.loyalty.metrics.OrderMetricsFixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The CDNOW master file (69,659 orders of 23,570 customers, 1997-01 to 1998-06; ../shared, not in the repository)
 * imported through the bulk import on a channel of its own, and every retention, purchase and cohort figure checked
 * against a second computation done here with plain loops over the file's lines. Each line is one order placed at
 * midnight UTC of its date; none is returned. Skipped when the file is absent.
 */
@QuarkusTest
class CdnowMetricsTest {
    private static final List<Path> CANDIDATES = List.of(Path.of("../shared/data/cdnow/CDNOW_master.txt"),
            Path.of("../../shared/data/cdnow/CDNOW_master.txt"));
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static List<Line> lines;
    private static String channel;

    /** Imports the file once for the whole class; the lines as parsed here. */
    static synchronized List<Line> imported() throws Exception {
        if (lines != null) {
            return lines;
        }
        Path master = CANDIDATES.stream().filter(Files::exists).findFirst().orElse(null);
        Assumptions.assumeTrue(master != null, "../shared/data/cdnow is not present: skipping the CDNOW metrics");
        List<Line> parsed = new ArrayList<>();
        String run = TestSupport.unique("cdnow");
        String ch = OrderMetricsFixtures.channel();
        StringBuilder csv = new StringBuilder("externalId,customerExternalId,placedAt,currency,total,channel\n");
        List<String> raw = Files.readAllLines(master);
        for (int i = 1; i < raw.size(); i++) {
            String[] f = raw.get(i).trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            LocalDate day = LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE);
            parsed.add(new Line(f[0], day.atStartOfDay(ZoneOffset.UTC).toInstant(), new BigDecimal(f[3])));
            csv.append(run).append('-').append(i).append(',').append(run).append("-c").append(f[0]).append(',')
                    .append(day).append(",USD,").append(f[3]).append(',').append(ch).append('\n');
        }
        Response accepted = asAdmin().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/orders");
        accepted.then().statusCode(202);
        String location = accepted.header("Location");
        for (int i = 0; ; i++) {
            Response job = asAdmin().get(location);
            if ("COMPLETED".equals(job.path("status"))) {
                assertEquals(69_659, (int) job.path("imported"), "every order imported");
                break;
            }
            if ("FAILED".equals(job.path("status")) || i > 3000) {
                fail("the CDNOW import did not complete: " + job.asString());
            }
            Thread.sleep(200);
        }
        channel = ch;
        lines = parsed;
        return lines;
    }

    static Instant at(String date, ZoneId zone) {
        return LocalDate.parse(date).atStartOfDay(zone).toInstant();
    }

    static void checkRetention(Map<String, Object> r, List<Line> all, Instant from, Instant to, Period w, ZoneId zone) {
        Set<String> s = activeAt(all, from, w, zone);
        Set<String> e = activeAt(all, to, w, zone);
        Map<String, Instant> first = firstOrders(all);
        Set<String> n = new HashSet<>();
        Set<String> buyers = new HashSet<>();
        for (Line l : all) {
            if (!l.at().isBefore(from) && l.at().isBefore(to)) {
                buyers.add(l.customer());
                if (first.get(l.customer()).equals(l.at()) || !first.get(l.customer()).isBefore(from)) {
                    n.add(l.customer());
                }
            }
        }
        long retained = s.stream().filter(e::contains).count();
        long newAtEnd = n.stream().filter(e::contains).count();
        long reactivated = e.stream().filter(c -> !s.contains(c) && !n.contains(c)).count();
        long repeat = s.stream().filter(buyers::contains).count();
        String at = from + ".." + to + " " + w + " " + zone + ": ";
        assertEquals(s.size(), count(r, "activeAtStart"), at + "activeAtStart");
        assertEquals(e.size(), count(r, "activeAtEnd"), at + "activeAtEnd");
        assertEquals(n.size(), count(r, "newCustomers"), at + "newCustomers");
        assertEquals(retained, count(r, "retained"), at + "retained");
        assertEquals(s.size() - retained, count(r, "churned"), at + "churned");
        assertEquals(reactivated, count(r, "reactivated"), at + "reactivated");
        assertEquals(repeat, count(r, "repeatBuyers"), at + "repeatBuyers");
        assertEquals(e.size() - newAtEnd, count(r, "crr.numerator"), at + "crr");
        assertEquals(s.size(), count(r, "crr.denominator"), at + "crr");
        assertEquals(divide(BigDecimal.valueOf(retained), s.size(), 6), money(r, "retentionRate.value"), at + "retentionRate");
    }

    @Test
    void retentionEqualsASecondComputationFromTheFile() throws Exception {
        List<Line> all = imported();
        String[][] periods = {{"1997-01-01", "1997-04-01", "P90D", "UTC"}, {"1997-04-01", "1997-07-01", "P90D", "UTC"},
                {"1997-07-01", "1998-01-01", "P180D", "America/New_York"}, {"1998-01-01", "1998-07-01", "P1M", "UTC"},
                {"1997-03-15", "1997-03-29", "P1W", "UTC"}};
        for (String[] p : periods) {
            ZoneId zone = ZoneId.of(p[3]);
            JsonPath r = get("/api/v1/metrics/retention", "from", p[0], "to", p[1], "activityWindow", p[2],
                    "timezone", p[3], "channel", channel);
            checkRetention(r.getMap(""), all, at(p[0], zone), at(p[1], zone), Period.parse(p[2]), zone);
        }
    }

    @Test
    void aMonthlySeriesEqualsTheSecondComputationPeriodByPeriod() throws Exception {
        List<Line> all = imported();
        JsonPath r = get("/api/v1/metrics/retention/series", "from", "1997-01-01", "to", "1998-07-01", "interval", "P1M",
                "channel", channel);
        List<Map<String, Object>> series = list(r.getList("periods"));
        assertEquals(18, series.size());
        for (int k = 0; k < 18; k++) {
            Instant from = at("1997-01-01", UTC).atZone(UTC).plusMonths(k).toInstant();
            Instant to = at("1997-01-01", UTC).atZone(UTC).plusMonths(k + 1).toInstant();
            checkRetention(series.get(k), all, from, to, Period.ofDays(90), UTC);
        }
    }

    @Test
    void purchasesEqualASecondComputationFromTheFile() throws Exception {
        List<Line> all = imported();
        String[][] periods = {{"1997-01-01", "1997-04-01", "UTC"}, {"1997-04-01", "1997-07-01", "UTC"},
                {"1997-07-01", "1998-01-01", "America/New_York"}, {"1998-01-01", "1998-07-01", "UTC"}};
        for (String[] p : periods) {
            ZoneId zone = ZoneId.of(p[2]);
            Instant from = at(p[0], zone);
            Instant to = at(p[1], zone);
            Map<String, Integer> inPeriod = new HashMap<>();
            Map<String, Integer> before = new HashMap<>();
            long orders = 0;
            BigDecimal net = BigDecimal.ZERO;
            BigDecimal lifetime = BigDecimal.ZERO;
            for (Line l : all) {
                if (l.at().isBefore(to)) {
                    before.merge(l.customer(), 1, Integer::sum);
                    lifetime = lifetime.add(l.amount());
                    if (!l.at().isBefore(from)) {
                        inPeriod.merge(l.customer(), 1, Integer::sum);
                        orders++;
                        net = net.add(l.amount());
                    }
                }
            }
            Map<String, Instant> first = firstOrders(all);
            long buyers = inPeriod.size();
            long repeat = inPeriod.values().stream().filter(x -> x >= 2).count();
            long returning = inPeriod.keySet().stream().filter(c -> first.get(c).isBefore(from)).count();
            long lifetimeRepeat = before.values().stream().filter(x -> x >= 2).count();

            Map<String, Object> r = get("/api/v1/metrics/purchases", "from", p[0], "to", p[1], "timezone", p[2],
                    "channel", channel).getMap("");
            String at = p[0] + ".." + p[1] + " " + p[2] + ": ";
            assertEquals("USD", r.get("currency"));
            assertEquals(buyers, count(r, "buyers"), at + "buyers");
            assertEquals(orders, count(r, "orders"), at + "orders");
            assertEquals(net.setScale(4), money(r, "netRevenue"), at + "netRevenue");
            assertEquals(divide(BigDecimal.valueOf(orders), buyers, 6), money(r, "purchaseFrequency"), at + "frequency");
            assertEquals(divide(net, orders, 4), money(r, "averageOrderValue"), at + "AOV");
            assertEquals(divide(net, buyers, 4), money(r, "revenuePerBuyer"), at + "revenuePerBuyer");
            assertEquals(divide(lifetime, before.size(), 4), money(r, "historicalCustomerValue"), at + "HCV");
            assertEquals(repeat, count(r, "repeatPurchaseRate.numerator"), at + "repeat");
            assertEquals(buyers, count(r, "repeatPurchaseRate.denominator"), at + "repeat");
            assertEquals(lifetimeRepeat, count(r, "lifetimeRepeatPurchaseRate.numerator"), at + "lifetime repeat");
            assertEquals(before.size(), count(r, "lifetimeRepeatPurchaseRate.denominator"), at + "lifetime repeat");
            assertEquals(returning, count(r, "returningCustomerRate.numerator"), at + "returning");
            assertEquals(divide(BigDecimal.valueOf(returning), buyers, 6), money(r, "returningCustomerRate.value"), at);
        }
    }

    static void checkCohorts(List<Line> all, String fromDate, String toDate, ZoneId zone, boolean weeks) {
        Instant from = at(fromDate, zone);
        Instant to = at(toDate, zone);
        Map<String, Instant> first = firstOrders(all);
        long lastBucket = bucket(to.minusNanos(1), zone, weeks);
        // cohort bucket -> customers; (cohort, bucket) -> customers who ordered, revenue
        Map<Long, Set<String>> cohorts = new HashMap<>();
        Map<Long, String> labels = new HashMap<>();
        Map<String, Set<String>> cellCustomers = new HashMap<>();
        Map<String, BigDecimal> cellRevenue = new HashMap<>();
        for (Line l : all) {
            Instant f = first.get(l.customer());
            if (f.isBefore(from) || !f.isBefore(to) || l.at().isBefore(from) || !l.at().isBefore(to)) {
                continue;
            }
            long c = bucket(f, zone, weeks);
            cohorts.computeIfAbsent(c, x -> new HashSet<>()).add(l.customer());
            labels.put(c, label(f, zone, weeks));
            String cell = c + "/" + bucket(l.at(), zone, weeks);
            cellCustomers.computeIfAbsent(cell, x -> new HashSet<>()).add(l.customer());
            cellRevenue.merge(cell, l.amount(), BigDecimal::add);
        }
        JsonPath r = get("/api/v1/metrics/cohorts", "from", fromDate, "to", toDate, "timezone", zone.getId(),
                "granularity", weeks ? "week" : "month", "view", "revenue", "channel", channel);
        List<Long> order = cohorts.keySet().stream().sorted().toList();
        List<Map<String, Object>> answer = list(r.getList("cohorts"));
        assertEquals(order.size(), answer.size(), "cohorts");
        for (int i = 0; i < order.size(); i++) {
            long c = order.get(i);
            String at = zone + " " + fromDate + ".." + toDate + " cohort " + labels.get(c);
            long size = cohorts.get(c).size();
            assertEquals(labels.get(c), answer.get(i).get("cohort"), at);
            assertEquals(size, count(answer.get(i), "size"), at + " size");
            List<Map<String, Object>> cells = list(answer.get(i).get("cells"));
            assertEquals(lastBucket - c + 1, cells.size(), at + " cells");
            BigDecimal cumulative = BigDecimal.ZERO;
            for (long b = c; b <= lastBucket; b++) {
                String where = at + " offset " + (b - c);
                Map<String, Object> cell = cells.get((int) (b - c));
                long customers = cellCustomers.getOrDefault(c + "/" + b, Set.of()).size();
                cumulative = cumulative.add(cellRevenue.getOrDefault(c + "/" + b, BigDecimal.ZERO));
                assertEquals(customers, count(cell, "customers"), where);
                assertEquals(divide(BigDecimal.valueOf(customers), size, 6), money(cell, "share"), where);
                assertEquals(divide(cumulative, size, 4), money(cell, "revenuePerCustomer"), where);
            }
        }
    }

    @Test
    void cohortsEqualASecondComputationFromTheFile() throws Exception {
        List<Line> all = imported();
        checkCohorts(all, "1997-01-01", "1998-01-01", UTC, false);
        // In New York every order is on the evening before its date: 1 February's orders fall in January.
        checkCohorts(all, "1997-01-01", "1997-07-01", NEW_YORK, false);
        checkCohorts(all, "1997-01-01", "1997-04-01", UTC, true);
        checkCohorts(all, "1997-02-15", "1997-05-20", UTC, true);
    }
}
