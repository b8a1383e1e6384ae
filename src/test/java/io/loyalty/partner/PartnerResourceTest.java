package io.loyalty.partner;

import io.loyalty.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.as;
import static io.loyalty.TestSupport.asAdmin;
import static io.loyalty.TestSupport.asRole;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PartnerResourceTest {
    private static final String PATH = "/api/v1/partners";

    @Test
    void adminsCreateReadListAndPatchPartners() {
        Coalition c = new Coalition();
        Response created = asAdmin().body(Map.of("programmeId", c.programme, "name", "Fuel", "issuancePrice", 1.1,
                "reimbursementRate", 0.9, "earnRate", 2)).post(PATH);
        created.then().statusCode(201).header("Location", containsString(PATH + "/"))
                .body("earnRate", equalTo(2)).body("issuancePrice", equalTo(1.1f));
        String id = created.path("id");
        asAdmin().get(PATH + "/" + id).then().statusCode(200).body("name", equalTo("Fuel"));
        asAdmin().queryParam("programmeId", c.programme).get(PATH).then().statusCode(200).body("items.id", hasItem(id));
        asAdmin().body(Map.of("issuancePrice", 1.2)).patch(PATH + "/" + id).then().statusCode(200)
                .body("issuancePrice", equalTo(1.2f)).body("name", equalTo("Fuel"));
        asAdmin().body("{\"earnRate\": null}").patch(PATH + "/" + id).then().statusCode(200).body("earnRate", nullValue());
        asAdmin().body(Map.of("programmeId", Fixtures.programme(List.of(Fixtures.spend("s", 1))))).patch(PATH + "/" + id)
                .then().statusCode(409).body("type", equalTo("urn:loyalty:problem:partner-programme"));
        asAdmin().body(Map.of("issuancePrice", -1)).patch(PATH + "/" + id).then().statusCode(400);
    }

    @Test
    void badPartnersAreRefused() {
        asAdmin().body(Map.of("programmeId", UUID.randomUUID().toString(), "name", "x", "issuancePrice", 1,
                "reimbursementRate", 1)).post(PATH).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:unknown-programme"));
        Coalition c = new Coalition();
        asAdmin().body(Map.of("programmeId", c.programme, "name", "x", "issuancePrice", 1)).post(PATH).then()
                .statusCode(400).body("violations[0].field", containsString("reimbursementRate"));
        asAdmin().body(Map.of("programmeId", c.programme, "name", "x", "issuancePrice", 1, "reimbursementRate", 1,
                "earnRate", 0)).post(PATH).then().statusCode(400);
        String ext = io.loyalty.TestSupport.unique("ext");
        asAdmin().body(Map.of("programmeId", c.programme, "name", "x", "issuancePrice", 1, "reimbursementRate", 1,
                "externalId", ext)).post(PATH).then().statusCode(201);
        asAdmin().body(Map.of("programmeId", c.programme, "name", "y", "issuancePrice", 1, "reimbursementRate", 1,
                "externalId", ext)).post(PATH).then().statusCode(409)
                .body("type", equalTo("urn:loyalty:problem:duplicate-external-id"));
    }

    @Test
    void partnerKeysReadOnlyTheirOwnPartner() {
        Coalition c = new Coalition();
        Coalition.Member a = c.partner("1", "1", null);
        Coalition.Member b = c.partner("1", "1", null);
        as(a.key()).get(PATH + "/" + a.id()).then().statusCode(200);
        as(a.key()).get(PATH + "/" + b.id()).then().statusCode(404);
        as(a.key()).get(PATH).then().statusCode(403);
        as(a.key()).body(Map.of("name", "mine")).patch(PATH + "/" + a.id()).then().statusCode(403);
        asRole("STOREFRONT").get(PATH + "/" + a.id()).then().statusCode(403);
    }

    @Test
    void aPartnersOrderEarnsOnlyInItsProgrammeAtItsRateAndIsAttributedToIt() {
        Coalition c = new Coalition();
        String other = Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
        Coalition.Member a = c.partner("1.1", "0.9", 3);
        String customer = Fixtures.member(c.programme, other);
        Response order = Coalition.order(a.key(), customer, "50", Instant.now().minusSeconds(60));
        order.then().statusCode(201).body("partnerId", equalTo(a.id()))
                .body("accrual.programmeId", not(hasItem(other)));
        assertEquals(300, Coalition.points(order, c.programme));
        // The operator's own order earns in both, by the programme's rules.
        Response own = Coalition.order(null, customer, "50", Instant.now().minusSeconds(60));
        assertEquals(100, Coalition.points(own, c.programme));
        assertEquals(100, Coalition.points(own, other));
        own.then().body("partnerId", nullValue());
    }

    @Test
    void aPartnersRewardIsRedeemedAtThatPartnerAndPointsEarnedAtOneAreSpentAtAnother() {
        Coalition c = new Coalition();
        Coalition.Member a = c.partner("1.1", "0.9", null);
        Coalition.Member b = c.partner("1.2", "0.8", null);
        String customer = c.member();
        Coalition.order(a.key(), customer, "100", Instant.now().minusSeconds(60)).then().statusCode(201);
        String bReward = c.reward(b.id(), 40);
        Coalition.redeem(a.key(), customer, bReward).then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:reward-partner"));
        // an admin redeeming B's reward redeems it at B
        Coalition.redeem(null, customer, bReward).then().statusCode(201).body("partnerId", equalTo(b.id()));
        Coalition.redeem(b.key(), customer, bReward).then().statusCode(201).body("partnerId", equalTo(b.id()));
        // a reward may name only a partner of its programme
        Coalition other = new Coalition();
        asAdmin().body(Map.of("programmeId", other.programme, "name", "x", "type", "DISCOUNT_AMOUNT", "cost", 1,
                "amount", 1, "partnerId", a.id())).post("/api/v1/rewards").then().statusCode(422)
                .body("type", equalTo("urn:loyalty:problem:unknown-partner"));
        // B sees its reward and the operator's, never A's
        String aReward = c.reward(a.id(), 10);
        as(b.key()).get("/api/v1/rewards/" + aReward).then().statusCode(404);
        as(b.key()).queryParam("programmeId", c.programme).get("/api/v1/rewards").then().statusCode(200)
                .body("items.id", hasItem(bReward)).body("items.id", not(hasItem(aReward)));
        as(b.key()).get("/api/v1/customers/" + customer + "/rewards").then().statusCode(200)
                .body("reward.id", not(hasItem(aReward)));
    }

    @Test
    void aStatementPricesIssuanceRedemptionReturnAndCancellationExactly() {
        Coalition c = new Coalition();
        Coalition.Member a = c.partner("1.1", "0.9", null);
        Coalition.Member b = c.partner("1.2", "0.8", null);
        String customer = c.member();
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        String order = Coalition.order(a.key(), customer, "100", Instant.now().minusSeconds(60)).then().statusCode(201)
                .extract().path("id");
        Coalition.returnLine(a.key(), order, 2).then().statusCode(201);
        String redemption = Coalition.redeem(b.key(), customer, c.reward(null, 40)).then().statusCode(201).extract().path("id");
        as(b.key()).body(Map.of()).post("/api/v1/redemptions/" + redemption + "/cancel").then().statusCode(200);
        Coalition.redeem(b.key(), customer, c.reward(null, 30)).then().statusCode(201);
        Instant to = Instant.now().plusSeconds(60);

        Response sa = Coalition.statement(a.key(), a.id(), from, to);
        sa.then().statusCode(200).body("pointsIssued", equalTo(200)).body("pointsReversed", equalTo(100))
                .body("pointsRedeemed", equalTo(0)).body("closed", equalTo(false)).body("lines", equalTo(2));
        // (200 - 100) x 0.25 x 1.1
        assertEquals(0, new BigDecimal("27.5").compareTo(Coalition.decimal(sa, "owed")));
        assertEquals(0, new BigDecimal("-27.5").compareTo(Coalition.decimal(sa, "net")));
        Response sb = Coalition.statement(b.key(), b.id(), from, to);
        sb.then().statusCode(200).body("pointsIssued", equalTo(0)).body("pointsRedeemed", equalTo(70))
                .body("pointsRefunded", equalTo(40));
        // (70 - 40) x 0.25 x 0.8
        assertEquals(0, new BigDecimal("6").compareTo(Coalition.decimal(sb, "due")));
        Coalition.statement(a.key(), b.id(), from, to).then().statusCode(404);
        as(a.key()).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/partners/" + a.id() + "/settlements/lines").then().statusCode(200)
                .body("items.kind", equalTo(List.of("ISSUE", "ISSUE_REVERSAL")))
                .body("items[0].orderId", equalTo(order)).body("items[0].points", equalTo(200));
        Coalition.statement(null, a.id(), to, from).then().statusCode(400);
        asAdmin().get("/api/v1/partners/" + a.id() + "/settlements").then().statusCode(400);
    }

    @Test
    void aReturnOrCancellationIsPricedAsWhatItTakesBackEvenAfterTheTermsChanged() {
        Coalition c = new Coalition();
        Coalition.Member a = c.partner("1.1", "0.9", null);
        String customer = c.member();
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        String order = Coalition.order(a.key(), customer, "100", Instant.now().minusSeconds(60)).then().statusCode(201)
                .extract().path("id");
        String redemption = Coalition.redeem(a.key(), customer, c.reward(null, 40)).then().statusCode(201)
                .extract().path("id");
        asAdmin().body(Map.of("issuancePrice", 2, "reimbursementRate", 0.5)).patch(PATH + "/" + a.id()).then().statusCode(200);
        Coalition.returnLine(a.key(), order, 1).then().statusCode(201);
        as(a.key()).body(Map.of()).post("/api/v1/redemptions/" + redemption + "/cancel").then().statusCode(200);
        Response s = Coalition.statement(a.key(), a.id(), from, Instant.now().plusSeconds(60));
        // (200 - 100) x 0.25 x 1.1 owed; (40 - 40) x 0.25 x 0.9 due
        assertEquals(0, new BigDecimal("27.5").compareTo(Coalition.decimal(s, "owed")), s.asString());
        assertEquals(0, Coalition.decimal(s, "due").signum(), s.asString());
    }
}
