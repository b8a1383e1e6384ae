package io.loyalty.order;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loyalty.programme.EarningRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stored JSON of snapshots, both ways, with a mapper set up like the one of JSON columns. */
class SnapshotFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final UUID PROGRAMME = UUID.fromString("01937b6a-0000-7000-8000-000000000001");
    private static final UUID REDEMPTION = UUID.fromString("01937b6a-0000-7000-8000-000000000002");

    private static final String ACCRUAL = """
            {"programmeId": "01937b6a-0000-7000-8000-000000000001", "programmeName": "Chai Points", "points": 46,
             "items": [{"ruleId": "spend", "type": "SPEND", "points": 40, "capped": true}],
             "stamps": [{"ruleId": "chai-card", "earned": 2, "onCard": 3, "required": 10, "cardsCompleted": 1,
                         "reward": "A free chai", "redemptionIds": ["01937b6a-0000-7000-8000-000000000002"],
                         "lineNos": [1, 3]}],
             "balance": 1046}""";

    private static final AccrualSnapshot ACCRUAL_VALUE = new AccrualSnapshot(PROGRAMME, "Chai Points", 46,
            List.of(new AccrualSnapshot.Item("spend", EarningRule.Type.SPEND, 40, true)),
            List.of(new AccrualSnapshot.Stamps("chai-card", 2, 3, 10, 1, "A free chai", List.of(REDEMPTION), List.of(1, 3))),
            1046, null, null);

    private static JsonNode stored(Object value) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsString(value));
    }

    @Test
    void anAccrualReadsAndWritesInTheStoredFormat() throws Exception {
        assertEquals(ACCRUAL_VALUE, MAPPER.readValue(ACCRUAL, AccrualSnapshot.class));
        assertEquals(MAPPER.readTree(ACCRUAL), stored(ACCRUAL_VALUE));
    }

    @Test
    void anAccrualStoredBeforeStampsWereKeptStillReads() throws Exception {
        AccrualSnapshot old = MAPPER.readValue("""
                {"programmeId": "01937b6a-0000-7000-8000-000000000001", "programmeName": "Chai Points", "points": 5,
                 "items": [], "balance": 5}""", AccrualSnapshot.class);
        assertEquals(5, old.points());
        assertEquals(null, old.stamps());
    }

    @Test
    void returnedLinesAndStampsReadAndWriteInTheStoredFormat() throws Exception {
        String line = """
                {"lineNo": 2, "sku": "SAMOSA", "quantity": 1}""";
        String stamps = """
                {"programmeId": "01937b6a-0000-7000-8000-000000000001", "ruleId": "chai-card", "stamps": 2,
                 "onCard": 1, "debt": 0}""";
        ReturnSnapshot.Line lineValue = new ReturnSnapshot.Line(2, "SAMOSA", 1);
        ReturnSnapshot.StampReversal stampsValue = new ReturnSnapshot.StampReversal(PROGRAMME, "chai-card", 2, 1, 0);
        assertEquals(lineValue, MAPPER.readValue(line, ReturnSnapshot.Line.class));
        assertEquals(stampsValue, MAPPER.readValue(stamps, ReturnSnapshot.StampReversal.class));
        assertEquals(MAPPER.readTree(line), stored(lineValue));
        assertEquals(MAPPER.readTree(stamps), stored(stampsValue));
    }

    @Test
    void theApiAnswersWhatWasStored() {
        ProgrammeAccrual answer = ACCRUAL_VALUE.toResponse();
        assertEquals(46, answer.points());
        assertEquals(1046, answer.balance());
        assertEquals(new ProgrammeAccrual.Item("spend", EarningRule.Type.SPEND, 40, true), answer.items().get(0));
        assertEquals(new ProgrammeAccrual.Stamps("chai-card", 2, 3, 10, 1, "A free chai", List.of(REDEMPTION),
                List.of(1, 3)), answer.stamps().get(0));
    }
}
