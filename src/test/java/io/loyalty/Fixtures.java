package io.loyalty;

import io.restassured.response.Response;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.loyalty.TestSupport.asAdmin;

/** Builds programmes, customers and orders through the API. Programmes are OPT_IN unless a test says otherwise. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Map<String, Object> spend(String id, double pointsPerUnit) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", id);
        r.put("type", "SPEND");
        r.put("pointsPerUnit", pointsPerUnit);
        return r;
    }

    public static Map<String, Object> programmeBody(List<Map<String, Object>> rules) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", TestSupport.unique("programme"));
        body.put("status", "ACTIVE");
        body.put("currency", "INR");
        body.put("enrolment", "OPT_IN");
        body.put("pointValue", 0.25);
        body.put("rules", rules);
        return body;
    }

    public static String programme(Map<String, Object> body) {
        return asAdmin().body(body).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
    }

    public static String programme(List<Map<String, Object>> rules) {
        return programme(programmeBody(rules));
    }

    /** A partner of the programme: issuance price 1.1, reimbursement rate 0.9, the programme's earning rules. */
    public static String partner(String programmeId) {
        return asAdmin().body(Map.of("programmeId", programmeId, "name", TestSupport.unique("partner"),
                        "issuancePrice", 1.1, "reimbursementRate", 0.9))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
    }

    /** A new PARTNER key of the partner: the key itself. */
    public static String partnerKey(String partnerId) {
        return asAdmin().body(Map.of("name", TestSupport.unique("partner key"), "role", "PARTNER", "partnerId", partnerId))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
    }

    public static String customer() {
        return asAdmin().body(Map.of("externalId", TestSupport.unique("cust"))).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    public static String member(String... programmeIds) {
        String customer = customer();
        for (String p : programmeIds) {
            asAdmin().body(Map.of("customerId", customer)).post("/api/v1/programmes/" + p + "/members").then().statusCode(201);
        }
        return customer;
    }

    /** An order of the given lines (sku, category, quantity, unit price); total computed. */
    public static Map<String, Object> order(String customerId, Object[]... lines) {
        List<Map<String, Object>> ls = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (Object[] l : lines) {
            Map<String, Object> line = new HashMap<>();
            line.put("sku", l[0]);
            line.put("category", l[1]);
            line.put("quantity", l[2]);
            line.put("unitPrice", new BigDecimal(l[3].toString()));
            ls.add(line);
            subtotal = subtotal.add(new BigDecimal(l[3].toString()).multiply(BigDecimal.valueOf((Integer) l[2])));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", TestSupport.unique("order"));
        body.put("customerId", customerId);
        body.put("placedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString());
        body.put("currency", "INR");
        body.put("lines", ls);
        body.put("total", subtotal);
        return body;
    }

    public static Response post(Map<String, Object> order) {
        return asAdmin().body(order).post("/api/v1/orders");
    }

    /** The accrual block of one programme in an order response. */
    public static Map<String, Object> accrual(Response order, String programmeId) {
        List<Map<String, Object>> blocks = order.jsonPath().getList("accrual");
        return blocks.stream().filter(b -> programmeId.equals(b.get("programmeId"))).findFirst().orElse(null);
    }

    public static Map<String, Object> balance(String customerId, String programmeId) {
        return asAdmin().queryParam("programmeId", programmeId).get("/api/v1/customers/" + customerId + "/points")
                .then().statusCode(200).extract().jsonPath().getMap("[0]");
    }

    /** Sum of every ledger entry of the customer in the programme, read page by page through the API. */
    public static long ledgerSum(String customerId, String programmeId) {
        long sum = 0;
        String cursor = null;
        do {
            var req = asAdmin().queryParam("programmeId", programmeId).queryParam("limit", 500);
            if (cursor != null) {
                req.queryParam("after", cursor);
            }
            Response page = req.get("/api/v1/customers/" + customerId + "/points/ledger");
            page.then().statusCode(200);
            for (Object p : page.jsonPath().getList("items.points")) {
                sum += ((Number) p).longValue();
            }
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return sum;
    }

    /**
     * The debt invariant: a membership owes points only when it holds none, available or pending, that could
     * pay them (the API reports available net of debt).
     */
    public static void assertNoDebtBesidePoints(String customerId, String programmeId) {
        Map<String, Object> b = balance(customerId, programmeId);
        long debt = ((Number) b.get("debt")).longValue();
        if (debt > 0) {
            long available = ((Number) b.get("available")).longValue();
            long pending = ((Number) b.get("pending")).longValue();
            org.junit.jupiter.api.Assertions.assertEquals(0, available + debt, "a debt beside available points: " + b);
            org.junit.jupiter.api.Assertions.assertEquals(0, pending, "a debt beside pending points: " + b);
        }
    }
}
