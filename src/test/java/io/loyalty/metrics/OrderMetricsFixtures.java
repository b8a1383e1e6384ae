package io.loyalty.metrics;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.loyalty.TestSupport.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Orders on a channel of their own, posted through the API, and metrics read back with exact decimals. */
final class OrderMetricsFixtures {
    private OrderMetricsFixtures() {
    }

    /** A channel no other test uses, which isolates a test's orders from everything else in the shared database. */
    static String channel() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static String customer() {
        return Fixtures.customer();
    }

    /** Posts a one-line order of {@code total} in INR, placed at the ISO instant {@code at}; returns its id. */
    static String order(String channel, String customer, String at, String total) {
        return order(channel, customer, at, total, "INR");
    }

    static String order(String channel, String customer, String at, String total, String currency) {
        return order(asAdmin(), channel, customer, at, total, currency);
    }

    /** The same posted with another key (a partner's). */
    static String order(io.restassured.specification.RequestSpecification as, String channel, String customer, String at,
                        String total) {
        return order(as, channel, customer, at, total, "INR");
    }

    static String order(io.restassured.specification.RequestSpecification as, String channel, String customer, String at,
                        String total, String currency) {
        Map<String, Object> line = Map.of("sku", "ITEM", "quantity", 1, "unitPrice", new BigDecimal(total));
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", TestSupport.unique("m"));
        body.put("customerId", customer);
        body.put("placedAt", at);
        body.put("currency", currency);
        body.put("lines", List.of(line));
        body.put("total", new BigDecimal(total));
        body.put("accrue", false);
        body.put("channel", channel);
        return as.body(body).post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    /** Returns {@code amount} of the order (the whole total makes it RETURNED). */
    static void giveBack(String orderId, String amount) {
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", new BigDecimal(amount), "reason", "test"))
                .post("/api/v1/orders/" + orderId + "/returns").then().statusCode(201);
    }

    /** GET with the query parameters given as name, value, name, value ...; the body with decimals kept exact. */
    static JsonPath get(String path, String... params) {
        return get(asAdmin(), path, params);
    }

    static JsonPath get(RequestSpecification as, String path, String... params) {
        Response r = query(as, path, params).get(path);
        r.then().statusCode(200);
        return exact(r);
    }

    static RequestSpecification query(RequestSpecification as, String path, String... params) {
        for (int i = 0; i < params.length; i += 2) {
            as.queryParam(params[i], params[i + 1]);
        }
        return as;
    }

    static JsonPath exact(Response r) {
        return r.then().extract().jsonPath(JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static void assertRate(JsonPath json, String path, String value, long numerator, long denominator) {
        assertEquals(numerator, json.getLong(path + ".numerator"), path + ".numerator");
        assertEquals(denominator, json.getLong(path + ".denominator"), path + ".denominator");
        if (value == null) {
            assertNull(json.get(path + ".value"), path + ".value");
        } else {
            assertEquals(new BigDecimal(value), json.get(path + ".value"), path + ".value");
        }
    }

    static void assertMoney(JsonPath json, String path, String value) {
        Object actual = json.get(path);
        if (value == null) {
            assertNull(actual, path);
        } else {
            assertEquals(new BigDecimal(value), actual instanceof Integer i ? new BigDecimal(i) : actual, path);
        }
    }
}
