package io.loyalty.demo;

import io.loyalty.PostgresTestDatabase;
import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.loyalty.TestSupport.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dev-mode demo data, seeded into a database of its own (its AUTOMATIC programmes would make every other
 * test's customers earn in them) and read back through the public API: the shape the metrics endpoints need.
 */
@QuarkusTest
@TestProfile(DemoDataTest.OwnDatabase.class)
class DemoDataTest {
    private static final Logger LOG = Logger.getLogger(DemoDataTest.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static boolean seeded;

    @Inject
    DemoSeeder seeder;

    /** The application on a throwaway database that no other test class shares. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Database.class));
        }

        public static class Database extends PostgresTestDatabase {
        }
    }

    private synchronized void seedOnce() {
        if (!seeded) {
            long started = System.nanoTime();
            seeder.seed();
            LOG.infof("Demo data seeded in %d ms", (System.nanoTime() - started) / 1_000_000);
            seeded = true;
        }
    }

    @Test
    void threeHundredCustomersWithFifteenMonthsOfVariedOrders() {
        seedOnce();
        Instant now = Instant.now();
        List<Map<String, Object>> customers = all("/api/v1/customers", r -> { });
        assertEquals(300, customers.stream().filter(c -> String.valueOf(c.get("externalId")).startsWith("demo-")).count());

        List<Map<String, Object>> orders = all("/api/v1/orders", r -> { });
        assertTrue(orders.size() > 3000, orders.size() + " orders");
        Set<String> months = new HashSet<>();
        Map<String, List<Instant>> byCustomer = new HashMap<>();
        Map<String, Integer> channels = new HashMap<>();
        Map<String, Integer> statuses = new HashMap<>();
        for (Map<String, Object> o : orders) {
            Instant placedAt = Instant.parse((String) o.get("placedAt"));
            assertFalse(placedAt.isAfter(now), "an order in the future: " + o.get("externalId"));
            months.add(placedAt.atZone(ZONE).toLocalDate().withDayOfMonth(1).toString());
            byCustomer.computeIfAbsent((String) o.get("customerId"), k -> new ArrayList<>()).add(placedAt);
            channels.merge(String.valueOf(o.get("channel")), 1, Integer::sum);
            statuses.merge((String) o.get("status"), 1, Integer::sum);
        }
        assertTrue(months.size() >= 15, "months " + months);
        assertEquals(Set.of("web", "app", "store"), channels.keySet());
        assertTrue(statuses.getOrDefault("RETURNED", 0) > 20, statuses.toString());
        assertTrue(statuses.getOrDefault("PARTIALLY_RETURNED", 0) > 40, statuses.toString());
        assertEquals(300, byCustomer.size(), "every demo customer has ordered");

        // What retention, cohorts and RFM need: repeat buyers and one-timers, first orders in every month of the
        // last year, customers who churned over the last quarter and some who came back after a long gap.
        Instant quarter = now.minus(Duration.ofDays(92));
        Duration window = Duration.ofDays(90);
        int loyal = 0, once = 0, churned = 0, reactivated = 0, retained = 0, fresh = 0;
        Set<String> cohorts = new HashSet<>();
        for (List<Instant> times : byCustomer.values()) {
            times.sort(Comparator.naturalOrder());
            cohorts.add(times.get(0).atZone(ZONE).toLocalDate().withDayOfMonth(1).toString());
            loyal += times.size() >= 10 ? 1 : 0;
            once += times.size() == 1 ? 1 : 0;
            boolean activeAtStart = times.stream().anyMatch(t -> !t.isAfter(quarter) && t.isAfter(quarter.minus(window)));
            boolean activeAtEnd = times.stream().anyMatch(t -> t.isAfter(now.minus(window)));
            boolean isNew = times.get(0).isAfter(quarter);
            churned += activeAtStart && !activeAtEnd ? 1 : 0;
            retained += activeAtStart && activeAtEnd ? 1 : 0;
            reactivated += !activeAtStart && activeAtEnd && !isNew ? 1 : 0;
            fresh += isNew ? 1 : 0;
        }
        assertTrue(cohorts.size() >= 15, "cohorts " + cohorts);
        assertTrue(loyal >= 40 && once >= 40, loyal + " customers with 10+ orders, " + once + " with one");
        assertTrue(churned >= 10 && retained >= 40 && reactivated >= 5 && fresh >= 30,
                "churned " + churned + ", retained " + retained + ", reactivated " + reactivated + ", new " + fresh);
    }

    @Test
    void membersAndNonMembersPointsRedeemedAndExpired() {
        seedOnce();
        List<Map<String, Object>> programmes = all("/api/v1/programmes", r -> { });
        Map<String, String> ids = programmes.stream().collect(Collectors.toMap(p -> (String) p.get("name"),
                p -> (String) p.get("id")));
        assertEquals("NATURAL", programmes.stream().filter(p -> p.get("name").equals("Everyone (measured only)"))
                .findFirst().orElseThrow().get("kind"));
        String card = ids.get(DemoSeeder.CARD_PROGRAMME);
        String points = ids.get(DemoSeeder.POINTS_PROGRAMME);

        int members = 0;
        int joinedMonthsAgo = 0;
        long redeemed = 0;
        long expired = 0;
        for (Map<String, Object> c : all("/api/v1/customers", r -> { })) {
            String id = (String) c.get("id");
            JsonPath memberships = asAdmin().get("/api/v1/customers/" + id + "/memberships").then().statusCode(200)
                    .extract().jsonPath();
            int at = memberships.getList("programmeId").indexOf(card);
            if (at >= 0) {
                members++;
                // Members joined on the dates the history says, not when the data was seeded.
                Instant joined = Instant.parse(memberships.getString("[" + at + "].joinedAt"));
                assertTrue(joined.isAfter(Instant.now().minus(Duration.ofDays(280))), "joined before the launch: " + joined);
                joinedMonthsAgo += joined.isBefore(Instant.now().minus(Duration.ofDays(60))) ? 1 : 0;
            }
            JsonPath balance = asAdmin().queryParam("programmeId", points).get("/api/v1/customers/" + id + "/points")
                    .then().statusCode(200).extract().jsonPath();
            redeemed += balance.getLong("[0].redeemed");
            expired += balance.getLong("[0].expired");
        }
        assertTrue(members >= 60 && members <= 180, members + " card members of 300");
        assertTrue(joinedMonthsAgo >= members / 2, joinedMonthsAgo + " of " + members + " joined over 60 days ago");
        assertTrue(redeemed >= 10_000, redeemed + " points redeemed");
        assertTrue(expired > 0, "no points expired");

        String asha = asAdmin().queryParam("externalId", "demo-0001").get("/api/v1/customers").then().statusCode(200)
                .extract().path("items[0].id");
        long available = asAdmin().queryParam("programmeId", points).get("/api/v1/customers/" + asha + "/points")
                .then().statusCode(200).extract().jsonPath().getLong("[0].available");
        assertTrue(available >= 400, "demo-0001 can no longer redeem the README's free cake: " + available);
        assertTrue(all("/api/v1/redemptions", r -> r.queryParam("status", "USED")).size() >= 10);
    }

    /** The coalition: 500 of the 900 points redeemed with partners were earned with the other partner. */
    @Test
    void aNectarStyleCoalitionWithACrossPartnerRedemption() {
        seedOnce();
        String coalition = all("/api/v1/programmes", r -> { }).stream()
                .filter(p -> p.get("name").equals(DemoCoalition.PROGRAMME)).findFirst().orElseThrow().get("id").toString();
        asAdmin().queryParam("programmeId", coalition).get("/api/v1/partners").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(2));
        asAdmin().queryParam("from", Instant.now().minus(Duration.ofDays(60)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofDays(1)).toString())
                .get("/api/v1/metrics/programmes/" + coalition).then().statusCode(200)
                .body("coalition.partners.name", org.hamcrest.Matchers.equalTo(
                        List.of("FuelCo petrol stations", "GrocerMart supermarkets")))
                // fuel at 2 per 10 rupees: 500 + 360 + 600; groceries at 1 per 10: 120 + 240 + 90
                .body("coalition.partners.issued", org.hamcrest.Matchers.equalTo(List.of(1460, 450)))
                .body("coalition.partners.redeemed", org.hamcrest.Matchers.equalTo(List.of(500, 400)))
                .body("coalition.redeemedElsewhere.numerator", org.hamcrest.Matchers.equalTo(400))
                .body("coalition.redeemedElsewhere.denominator", org.hamcrest.Matchers.equalTo(900));
    }

    @Test
    void seedingAgainAddsNothing() {
        seedOnce();
        int orders = all("/api/v1/orders", r -> { }).size();
        int feedback = all("/api/v1/feedback", r -> { }).size();
        seeder.seed();
        assertEquals(orders, all("/api/v1/orders", r -> { }).size());
        // The crowd and the two customers of the referral chain.
        assertEquals(302, all("/api/v1/customers", r -> { }).size());
        assertEquals(feedback, all("/api/v1/feedback", r -> { }).size());
    }

    @Test
    void feedbackOfEveryTypeAnOpenComplaintAndAReferralChain() {
        seedOnce();
        List<Map<String, Object>> feedback = all("/api/v1/feedback", r -> { });
        assertEquals(Set.of("NPS", "CSAT", "REVIEW", "COMPLAINT", "COMPLIMENT", "SUGGESTION", "COMPETITOR_INFO"),
                feedback.stream().map(f -> f.get("type")).collect(Collectors.toSet()));
        assertTrue(feedback.size() > 100, feedback.size() + " feedback");
        String rohan = customer("demo-0002");
        asAdmin().get("/api/v1/customers/" + rohan + "/loyalty").then().statusCode(200)
                .body("promotionsAllowed", org.hamcrest.Matchers.equalTo(false));
        asAdmin().get("/api/v1/customers/" + customer("demo-0001") + "/loyalty").then()
                .body("promotionsAllowed", org.hamcrest.Matchers.equalTo(true));
        List<Map<String, Object>> resolved = all("/api/v1/incidents", r -> r.queryParam("status", "RESOLVED"));
        assertEquals(1, resolved.size());
        assertEquals(150, ((Map<?, ?>) resolved.get(0).get("compensation")).get("points"));
        assertEquals(1, all("/api/v1/incidents", r -> r.queryParam("status", "OPEN")).size());
        String first = customer("referred-0001");
        assertEquals(List.of(first), all("/api/v1/customers/" + customer("demo-0001") + "/referrals", r -> { })
                .stream().map(x -> x.get("referredCustomerId")).toList());
        assertEquals(List.of(customer("referred-0002")), all("/api/v1/customers/" + first + "/referrals", r -> { })
                .stream().map(x -> x.get("referredCustomerId")).toList());
    }

    private static String customer(String externalId) {
        return asAdmin().queryParam("externalId", externalId).get("/api/v1/customers").then().statusCode(200)
                .extract().path("items[0].id");
    }

    /** Every item of a list endpoint, page by page. */
    private static List<Map<String, Object>> all(String path, Consumer<RequestSpecification> filter) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = asAdmin().queryParam("limit", 500);
            filter.accept(request);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }
}
