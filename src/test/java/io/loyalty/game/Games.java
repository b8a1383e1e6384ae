package io.loyalty.game;

import io.loyalty.Fixtures;
import io.loyalty.TestSupport;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.loyalty.TestSupport.asAdmin;

/** Builds programmes, games, challenges and orders through the API for the gamification tests. */
final class Games {
    private Games() {
    }

    /** An ACTIVE OPT_IN programme earning 1 point per unit spent (no expiry). */
    static String programme() {
        return Fixtures.programme(List.of(Fixtures.spend("spend", 1)));
    }

    static Map<String, Object> game(double probability, Map<String, Object> prize) {
        Map<String, Object> g = new HashMap<>();
        g.put("name", TestSupport.unique("game"));
        g.put("probability", probability);
        g.put("prize", prize);
        return g;
    }

    static String create(String programme, Map<String, Object> game) {
        return asAdmin().body(game).post("/api/v1/programmes/" + programme + "/games")
                .then().statusCode(201).extract().path("id");
    }

    static String reward(String programme, Integer stock) {
        Map<String, Object> b = new HashMap<>();
        b.put("programmeId", programme);
        b.put("name", TestSupport.unique("dessert"));
        b.put("type", "FREE_PRODUCT");
        b.put("sku", "DESSERT");
        b.put("cost", 0);
        if (stock != null) {
            b.put("stock", stock);
        }
        return asAdmin().body(b).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
    }

    /** A one-line order of the given amount and category. */
    static Map<String, Object> order(String customer, String category, String amount) {
        return Fixtures.order(customer, new Object[]{"SKU", category, 1, amount});
    }

    static Response post(Map<String, Object> order) {
        return Fixtures.post(order);
    }

    static Response draws(String programme, String game, Map<String, ?> params) {
        return asAdmin().queryParams(params).get("/api/v1/programmes/" + programme + "/games/" + game + "/draws");
    }
}
