package io.loyalty.partner;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.loyalty.TestSupport.as;
import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SettlementTest {
    private static final BigDecimal POINT_VALUE = new BigDecimal("0.25");

    /**
     * A random month of a three-partner coalition (the operator's own orders too) through the API: orders, returns,
     * an adjustment, redemptions with partners and with the operator, cancellations, an expiry run. Each partner's
     * statement equals what the test computes from the API's own answers, the report's liability change equals the
     * customers' balances times the point value, the lines are exactly the ledger's entries, and partners' nets +
     * margin + liability change is exactly zero.
     */
    @Test
    void aRandomMonthOfCoalitionActivityReconcilesExactly() {
        long seed = System.nanoTime();
        Logger.getLogger(SettlementTest.class).infof("settlement reconciliation seed %d", seed);
        Random random = new Random(seed);
        Coalition c = new Coalition();
        List<Coalition.Member> partners = List.of(c.partner("1.1", "0.9", null), c.partner("1.25", "0.8", 2),
                c.partner("1", "1", null));
        Map<String, Coalition.Member> byId = new HashMap<>();
        partners.forEach(p -> byId.put(p.id(), p));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            customers.add(c.member());
        }
        Map<String, BigDecimal> owed = new HashMap<>();
        Map<String, BigDecimal> due = new HashMap<>();
        partners.forEach(p -> {
            owed.put(p.id(), BigDecimal.ZERO);
            due.put(p.id(), BigDecimal.ZERO);
        });
        Instant start = Instant.now().minus(30, ChronoUnit.DAYS);

        record Posted(String id, Coalition.Member issuer) {
        }
        List<Posted> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Coalition.Member issuer = random.nextInt(4) == 3 ? null : partners.get(random.nextInt(3));
            Instant placedAt = start.plusSeconds(random.nextInt((int) Duration.ofDays(29).toSeconds()));
            Response order = Coalition.order(issuer == null ? null : issuer.key(), customers.get(random.nextInt(6)),
                    String.valueOf(5 + random.nextInt(200)), placedAt);
            order.then().statusCode(201);
            if (issuer != null) {
                owed.merge(issuer.id(), money(Coalition.points(order, c.programme), issuer.price()), BigDecimal::add);
            }
            orders.add(new Posted(order.path("id"), issuer));
        }
        for (int i = 0; i < 12; i++) {
            Posted o = orders.get(random.nextInt(orders.size()));
            Response ret = Coalition.returnLine(o.issuer() == null ? null : o.issuer().key(), o.id(), 1 + random.nextInt(2));
            if (ret.statusCode() != 201) {
                continue; // that line was returned already
            }
            long reversed = 0;
            for (Map<String, Object> r : ret.jsonPath().<Map<String, Object>>getList("reversals")) {
                if (c.programme.equals(r.get("programmeId"))) {
                    reversed += ((Number) r.get("points")).longValue();
                }
            }
            if (o.issuer() != null) {
                owed.merge(o.issuer().id(), money(reversed, o.issuer().price()).negate(), BigDecimal::add);
            }
        }
        asAdmin().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("programmeId", c.programme, "points", 50, "reason", "goodwill"))
                .post("/api/v1/customers/" + customers.get(0) + "/points/adjustments").then().statusCode(201);

        String operatorReward = c.reward(null, 20 + random.nextInt(20));
        Map<String, String> partnerRewards = new HashMap<>();
        partners.forEach(p -> partnerRewards.put(p.id(), c.reward(p.id(), 10 + random.nextInt(30))));
        List<Response> redemptions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Coalition.Member at = random.nextInt(4) == 3 ? null : partners.get(random.nextInt(3));
            String reward = random.nextBoolean() ? operatorReward
                    : partnerRewards.get((at != null ? at : partners.get(random.nextInt(3))).id());
            Response x = Coalition.redeem(at == null ? null : at.key(), customers.get(random.nextInt(6)), reward);
            if (x.statusCode() != 201) {
                continue; // not enough points, or a debt
            }
            String partner = x.path("partnerId");
            if (partner != null) {
                due.merge(partner, money(((Number) x.path("points")).longValue(), byId.get(partner).rate()), BigDecimal::add);
            }
            redemptions.add(x);
        }
        for (Response x : redemptions) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            String partner = x.path("partnerId");
            Response cancelled = (partner == null ? asAdmin() : as(byId.get(partner).key())).body(Map.of())
                    .post("/api/v1/redemptions/" + x.path("id") + "/cancel");
            cancelled.then().statusCode(200);
            List<Integer> refunded = cancelled.jsonPath().getList("transitions.pointsRefunded");
            if (partner != null) {
                due.merge(partner, money(refunded.get(refunded.size() - 1), byId.get(partner).rate()).negate(),
                        BigDecimal::add);
            }
        }
        long expired = ((Number) asAdmin().post("/api/v1/programmes/" + c.programme + "/expiry-runs")
                .then().statusCode(201).extract().path("points")).longValue();

        // The month must have exercised every kind of line, or the reconciliation proves little.
        org.junit.jupiter.api.Assertions.assertTrue(expired > 0 && !redemptions.isEmpty()
                && due.values().stream().anyMatch(d -> d.signum() != 0), "a month without expiry or redemption, seed " + seed);
        Instant from = start.minus(1, ChronoUnit.DAYS);
        Instant to = Instant.now().plus(1, ChronoUnit.DAYS);
        BigDecimal expectedNet = BigDecimal.ZERO;
        for (Coalition.Member p : partners) {
            Response s = Coalition.statement(p.key(), p.id(), from, to);
            s.then().statusCode(200);
            assertEquals(0, owed.get(p.id()).compareTo(Coalition.decimal(s, "owed")), "owed by " + p + ", seed " + seed);
            assertEquals(0, due.get(p.id()).compareTo(Coalition.decimal(s, "due")), "due to " + p + ", seed " + seed);
            expectedNet = expectedNet.add(due.get(p.id())).subtract(owed.get(p.id()));
        }
        long outstanding = 0;
        Set<String> entries = new HashSet<>();
        for (String customer : customers) {
            outstanding += Fixtures.ledgerSum(customer, c.programme);
            entries.addAll(entryIds(customer, c.programme));
        }
        BigDecimal liability = POINT_VALUE.multiply(BigDecimal.valueOf(outstanding));

        Response report = asAdmin().queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("programmeId", c.programme).get("/api/v1/settlements");
        report.then().statusCode(200).body("programmes.size()", equalTo(1)).body("programmes[0].partners.size()", equalTo(3))
                .body("programmes[0].pointsExpired", equalTo((int) expired));
        BigDecimal partnersNet = Coalition.decimal(report, "programmes[0].partnersNet");
        BigDecimal margin = Coalition.decimal(report, "programmes[0].margin.total");
        BigDecimal liabilityChange = Coalition.decimal(report, "programmes[0].liabilityChange");
        assertEquals(0, expectedNet.compareTo(partnersNet), "seed " + seed);
        assertEquals(0, liability.compareTo(liabilityChange), "seed " + seed);
        assertEquals(0, partnersNet.add(margin).add(liabilityChange).signum(), "seed " + seed);
        assertEquals(0, Coalition.decimal(report, "programmes[0].difference").signum());
        assertEquals(0, POINT_VALUE.multiply(BigDecimal.valueOf(expired))
                .compareTo(Coalition.decimal(report, "programmes[0].margin.breakage")));
        assertEquals(entries, lineIds(c.programme, from, to), "one settlement line per ledger entry, seed " + seed);
    }

    @Test
    void aClosedPeriodNeverChangesAndLaterActivityLandsInTheNextPeriod() {
        Coalition c = new Coalition();
        Coalition.Member a = c.partner("1.1", "0.9", null);
        String customer = c.member();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant until = now.minus(10, ChronoUnit.MINUTES);
        Instant from = now.minus(1, ChronoUnit.HOURS);
        String first = Coalition.order(a.key(), customer, "100", now.minus(20, ChronoUnit.MINUTES)).then().statusCode(201)
                .extract().path("id");
        asAdmin().body(Map.of("until", until.toString())).post("/api/v1/settlements/closings").then().statusCode(201)
                .body("closedUntil", equalTo(until.toString()));
        String sent = Coalition.statement(a.key(), a.id(), from, until).then().statusCode(200)
                .body("closed", equalTo(true)).body("pointsIssued", equalTo(200)).extract().asString();

        // Dated inside the closed period: a late order; and a return of the first order.
        String late = Coalition.order(a.key(), customer, "50", now.minus(15, ChronoUnit.MINUTES)).then().statusCode(201)
                .extract().path("id");
        Coalition.returnLine(a.key(), first, 1).then().statusCode(201);

        assertEquals(sent, Coalition.statement(a.key(), a.id(), from, until).then().statusCode(200).extract().asString());
        Instant later = Instant.now().plus(1, ChronoUnit.MINUTES);
        Coalition.statement(a.key(), a.id(), until, later).then().statusCode(200).body("closed", equalTo(false))
                .body("pointsIssued", equalTo(100)).body("pointsReversed", equalTo(100));
        as(a.key()).queryParam("from", until.toString()).queryParam("to", later.toString()).queryParam("kind", "ISSUE")
                .get("/api/v1/partners/" + a.id() + "/settlements/lines").then().statusCode(200)
                .body("items[0].orderId", equalTo(late)).body("items[0].bookedAt", equalTo(until.toString()))
                .body("items[0].occurredAt", equalTo(now.minus(15, ChronoUnit.MINUTES).toString()));

        asAdmin().body(Map.of("until", until.toString())).post("/api/v1/settlements/closings").then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:period-closed"));
        asAdmin().body(Map.of("until", Instant.now().plus(1, ChronoUnit.HOURS).toString()))
                .post("/api/v1/settlements/closings").then().statusCode(400);
        asAdmin().get("/api/v1/settlements/closings").then().statusCode(200);
        as(a.key()).get("/api/v1/settlements/closings").then().statusCode(403);
    }

    private static BigDecimal money(long points, BigDecimal rate) {
        return POINT_VALUE.multiply(BigDecimal.valueOf(points)).multiply(rate);
    }

    private static Set<String> entryIds(String customer, String programme) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            var req = asAdmin().queryParam("programmeId", programme).queryParam("limit", 500);
            if (cursor != null) {
                req.queryParam("after", cursor);
            }
            Response page = req.get("/api/v1/customers/" + customer + "/points/ledger");
            ids.addAll(page.jsonPath().getList("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static Set<String> lineIds(String programme, Instant from, Instant to) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            var req = asAdmin().queryParam("programmeId", programme).queryParam("from", from.toString())
                    .queryParam("to", to.toString()).queryParam("limit", 500);
            if (cursor != null) {
                req.queryParam("after", cursor);
            }
            Response page = req.get("/api/v1/settlements/lines");
            page.then().statusCode(200);
            ids.addAll(page.jsonPath().getList("items.entryId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
