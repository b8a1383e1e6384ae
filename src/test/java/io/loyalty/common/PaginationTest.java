package io.loyalty.common;

import io.loyalty.TestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.loyalty.TestSupport.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class PaginationTest {
    static final String PATH = "/api/v1/customers";

    @Test
    void walkingAllPagesWhileOthersInsertSeesEveryExistingRowOnceInOrder() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            mine.add(asAdmin().body(Map.of("externalId", TestSupport.unique("page"))).post(PATH)
                    .then().statusCode(201).extract().path("id"));
        }

        AtomicBoolean walking = new AtomicBoolean(true);
        ExecutorService inserters = Executors.newFixedThreadPool(3);
        List<Future<Integer>> inserted = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            inserted.add(inserters.submit(() -> {
                int n = 0;
                while (walking.get() && n < 200) {
                    asAdmin().body(Map.of("externalId", TestSupport.unique("concurrent"))).post(PATH)
                            .then().statusCode(201);
                    n++;
                }
                return n;
            }));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        try {
            do {
                var request = asAdmin().queryParam("limit", 7);
                if (cursor != null) {
                    request.queryParam("after", cursor);
                }
                Response page = request.get(PATH);
                page.then().statusCode(200).body("items.size()", lessThanOrEqualTo(7));
                seen.addAll(page.jsonPath().getList("items.id", String.class));
                cursor = page.path("nextCursor");
                pages++;
            } while (cursor != null && pages < 10_000);
        } finally {
            walking.set(false);
            inserters.shutdown();
        }
        int concurrentInserts = 0;
        for (Future<Integer> f : inserted) {
            concurrentInserts += f.get();
        }

        assertTrue(concurrentInserts > 0, "the walk should have raced with inserts");
        Set<String> unique = new HashSet<>(seen);
        assertEquals(seen.size(), unique.size(), "no row may appear on two pages");
        assertTrue(unique.containsAll(mine), "every row that existed before the walk is listed");
        List<UUID> asUuids = seen.stream().map(UUID::fromString).toList();
        for (int i = 1; i < asUuids.size(); i++) {
            assertTrue(asUuids.get(i - 1).compareTo(asUuids.get(i)) < 0, "ids ascend across pages");
        }
        List<String> mineInListOrder = seen.stream().filter(mine::contains).toList();
        assertEquals(mine, mineInListOrder, "rows are listed in creation order");
    }

    @Test
    void limitDefaultsTo50AndOutOfRangeOrNonNumericLimitsAre400() {
        for (int i = 0; i < 51; i++) {
            asAdmin().body(Map.of("externalId", TestSupport.unique("bulk"))).post(PATH).then().statusCode(201);
        }
        asAdmin().get(PATH).then().statusCode(200).body("items.size()", equalTo(50));
        asAdmin().queryParam("limit", 500).get(PATH).then().statusCode(200);
        for (String bad : List.of("0", "501", "-1", "ten", "1.5")) {
            asAdmin().queryParam("limit", bad).get(PATH).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("limit"))
                    .body("violations[0].in", equalTo("query"));
        }
    }

    @Test
    void aCursorThatThisApiDidNotIssueIs400() {
        for (String bad : List.of("garbage!", "AAAA", UUID.randomUUID().toString())) {
            asAdmin().queryParam("after", bad).get(PATH).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("after"));
        }
    }
}
