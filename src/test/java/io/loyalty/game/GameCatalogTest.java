package io.loyalty.game;

import io.loyalty.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/**
 * Orders read games from memory (GameCatalog), which another instance's change reaches only after the cache's
 * expiry. A win is therefore counted on the game row as it is now: what another instance changed holds at once.
 * The changes are made here in SQL, as another instance's would be: this instance's cache is not told.
 */
@QuarkusTest
class GameCatalogTest {
    @Inject
    EntityManager em;

    private void change(String game, String set) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE game SET " + set + " WHERE id = :g")
                .setParameter("g", UUID.fromString(game)).executeUpdate());
    }

    @Test
    void aWinIsCountedOnTheGameRowNotOnTheCachedCopy() {
        String p = Games.programme();
        String game = Games.create(p, Games.game(1, Map.of("points", 5)));
        String c = Fixtures.member(p);
        Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                .body("gamification.draws[0].outcome", equalTo("WON"));

        // a daily budget lowered elsewhere to the win already counted today
        change(game, "daily_win_budget = 1");
        Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                .body("gamification.draws[0].outcome", equalTo("BUDGET_SPENT"));

        // a prize changed elsewhere: the win pays the new one
        change(game, "daily_win_budget = NULL, prize_points = 7");
        Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                .body("gamification.draws[0].outcome", equalTo("WON"))
                .body("gamification.draws[0].prize.points", equalTo(7));

        // a game ended elsewhere pays nothing, though this instance still plays it for a few seconds
        change(game, "valid_to = now() - interval '1 minute'");
        Games.post(Games.order(c, "x", "10")).then().statusCode(201)
                .body("gamification.draws[0].outcome", equalTo("LOST"))
                .body("gamification.draws[0].prize", org.hamcrest.Matchers.nullValue());
        Games.draws(p, game, Map.of("outcome", "WON")).then().body("items.size()", equalTo(2));
    }
}
