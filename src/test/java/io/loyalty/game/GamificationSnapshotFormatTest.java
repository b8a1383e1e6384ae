package io.loyalty.game;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code orders.gamification} is a stored format: orders posted today must read the same after any change, so a
 * replay answers the same draw. Renaming a property of {@link OrderGamification} breaks this test.
 */
class GamificationSnapshotFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final UUID A = UUID.fromString("01937b6a-0000-7000-8000-000000000001");
    private static final UUID B = UUID.fromString("01937b6a-0000-7000-8000-000000000002");

    private static final String STORED = """
            {"draws": [{"drawId": "01937b6a-0000-7000-8000-000000000001", "gameId": "01937b6a-0000-7000-8000-000000000002",
                        "gameName": "Free dessert", "probability": 0.25, "outcome": "WON",
                        "prize": {"rewardId": "01937b6a-0000-7000-8000-000000000002",
                                  "redemptionId": "01937b6a-0000-7000-8000-000000000001", "code": "K7QX-M2PA", "points": null}}],
             "challenges": [{"challengeId": "01937b6a-0000-7000-8000-000000000001", "name": "Three orders", "period": "2026-11",
                             "progress": 3, "target": 3, "completed": true,
                             "prize": {"rewardId": null, "redemptionId": null, "code": null, "points": 200}}],
             "suppressed": null}""";

    private static final OrderGamification VALUE = new OrderGamification(
            List.of(new OrderGamification.Draw(A, B, "Free dessert", new BigDecimal("0.25"), DrawOutcome.WON,
                    new OrderGamification.Prize(B, A, "K7QX-M2PA", null))),
            List.of(new OrderGamification.Step(A, "Three orders", "2026-11", new BigDecimal("3"), new BigDecimal("3"), true,
                    new OrderGamification.Prize(null, null, null, 200L))),
            null);

    @Test
    void theStoredFormatReadsAndWritesTheSame() throws Exception {
        assertEquals(VALUE, MAPPER.readValue(STORED, OrderGamification.class));
        assertEquals(MAPPER.readTree(STORED), MAPPER.readTree(MAPPER.writeValueAsString(VALUE)));
    }
}
