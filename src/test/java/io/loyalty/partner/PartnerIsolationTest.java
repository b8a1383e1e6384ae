package io.loyalty.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.loyalty.TestSupport.as;
import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Walks every operation of the committed contract (as ContractFuzzTest does) with partner B's key against partner
 * A's order, return, redemption, reward and partner, in one coalition programme: whatever is A's answers 403 or
 * 404; whatever B may read (lists, the shared customer's rewards) never shows any of A's ids or codes. A's own key
 * reads the same resources, so the walk is not vacuous.
 */
@QuarkusTest
class PartnerIsolationTest {
    private static final Map<String, String> BODIES = Map.of(
            "POST /api/v1/orders/{id}/returns", "{\"amount\": 1}",
            "POST /api/v1/redemptions/{id}/use", "{\"orderExternalId\": \"b-1\"}",
            "POST /api/v1/redemptions/{id}/cancel", "{}",
            "PATCH /api/v1/rewards/{id}", "{\"name\": \"mine now\"}",
            "PATCH /api/v1/partners/{id}", "{\"name\": \"mine now\"}",
            "POST /api/v1/rewards/{id}/codes", "{\"codes\": [\"CODE-1234\"]}");

    @Test
    void aPartnerKeyGetsNothingOfAnotherPartner() throws Exception {
        Coalition c = new Coalition();
        Coalition.Member a = c.partner("1.1", "0.9", null);
        Coalition.Member b = c.partner("1.2", "0.8", null);
        String customer = c.member();
        Instant now = Instant.now();
        Response aOrder = Coalition.order(a.key(), customer, "100", now.minusSeconds(120));
        String aOrderId = aOrder.path("id");
        Coalition.returnLine(a.key(), aOrderId, 1).then().statusCode(201);
        String aReward = c.reward(a.id(), 10);
        Response aRedemption = Coalition.redeem(a.key(), customer, aReward);
        aRedemption.then().statusCode(201);
        String bOrderId = Coalition.order(b.key(), customer, "10", now.minusSeconds(60)).path("id");

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("orders", aOrderId);
        ids.put("redemptions", aRedemption.path("id"));
        ids.put("rewards", aReward);
        ids.put("partners", a.id());
        ids.put("customers", customer);
        ids.put("customerId", customer);
        ids.put("programmes", c.programme);
        List<String> owned = List.of(aOrderId, aRedemption.path("id"), aReward, a.id());
        List<String> secrets = new ArrayList<>(owned);
        secrets.add(aOrder.path("externalId"));
        secrets.add(aRedemption.path("code"));
        Map<String, String> query = Map.of("from", now.minus(1, ChronoUnit.DAYS).toString(),
                "to", now.plus(1, ChronoUnit.DAYS).toString(), "customerId", customer, "programmeId", c.programme,
                "code", aRedemption.path("code"));

        JsonNode contract = new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile());
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int ownedOperations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                String name = method + " " + path.getKey();
                String url = concrete(path.getKey(), ids);
                boolean isOwned = owned.stream().anyMatch(url::contains);
                if (!isOwned && !method.equals("GET")) {
                    continue; // creating, or acting on what is shared: not another partner's
                }
                Response answer = send(as(b.key()), method, url, op.getValue(), query, BODIES.getOrDefault(name, "{}"));
                int status = answer.statusCode();
                if (isOwned) {
                    ownedOperations++;
                    if (status != 403 && status != 404) {
                        failures.add(name + " answered B " + status + ": " + answer.asString());
                    }
                    if (method.equals("GET") && op.getValue().toString().contains("PARTNER")
                            && send(as(a.key()), method, url, op.getValue(), query, "{}").statusCode() != 200) {
                        failures.add(name + " did not answer A itself 200");
                    }
                } else if (status >= 500) {
                    failures.add(name + " answered B " + status);
                } else if (status < 300) {
                    String body = answer.asString();
                    secrets.stream().filter(body::contains)
                            .forEach(s -> failures.add(name + " showed B " + s + " of A: " + body));
                }
            }
        }
        Logger.getLogger(PartnerIsolationTest.class).infof("%d operations walked, %d on A's resources", operations,
                ownedOperations);
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
        assertTrue(ownedOperations >= 10, "the walk reached too few of A's resources: " + ownedOperations);
        // B's own redemption cannot name A's order
        String bRedemption = Coalition.redeem(b.key(), customer, c.reward(null, 10)).then().statusCode(201)
                .extract().path("id");
        as(b.key()).body(java.util.Map.of("orderId", aOrderId)).post("/api/v1/redemptions/" + bRedemption + "/use")
                .then().statusCode(422).body("type", org.hamcrest.Matchers.equalTo("urn:loyalty:problem:unknown-order"));
        // B's own things are there for B (the filters are not simply empty)
        as(b.key()).queryParam("customerId", customer).get("/api/v1/orders").then().statusCode(200)
                .body("items.id", hasItem(bOrderId));
        asAdmin().queryParam("customerId", customer).get("/api/v1/orders").then().statusCode(200)
                .body("items.id", hasItem(aOrderId));
    }

    private static Response send(RequestSpecification request, String method, String url, JsonNode op,
                                 Map<String, String> query, String body) {
        request = request.header("Idempotency-Key", UUID.randomUUID().toString());
        for (JsonNode p : op.path("parameters")) {
            String name = p.get("name").asText();
            if (p.get("in").asText().equals("query") && query.containsKey(name)) {
                request = request.queryParam(name, query.get(name));
            }
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request = request.body(body);
        }
        return request.request(method, url);
    }

    private static String concrete(String template, Map<String, String> ids) {
        String resource = template.split("/")[3];
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String param = m.group(1);
            m.appendReplacement(url, ids.getOrDefault(param.equals("id") ? resource : param, UUID.randomUUID().toString()));
        }
        m.appendTail(url);
        return url.toString();
    }
}
