package io.loyalty.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loyalty.order.OrderImportService.Format;
import io.loyalty.order.UnreadableUpload;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackImportReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private static List<FeedbackImportRow> read(Format format, String text) throws IOException {
        FeedbackImportReader reader = FeedbackImportReader.of(format,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), MAPPER);
        List<FeedbackImportRow> rows = new ArrayList<>();
        for (FeedbackImportRow r = reader.next(); r != null; r = reader.next()) {
            rows.add(r);
        }
        return rows;
    }

    /** A 3 MB line is refused with its line number, and only MAX_LINE + 1 characters of it are ever held. */
    @Test
    void anOverlongNdjsonLineIsRefusedAndTheNextOneRead() throws IOException {
        String huge = "{\"comment\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        List<FeedbackImportRow> rows = read(Format.NDJSON, huge + "\r\n"
                + "{\"customerExternalId\": \"c1\", \"type\": \"NPS\", \"score\": 9}\n");
        assertEquals(2, rows.size());
        assertEquals(1, rows.get(0).line());
        assertTrue(rows.get(0).problem().startsWith("the line is longer than a feedback may be"), rows.get(0).problem());
        assertEquals(2, rows.get(1).line());
        assertNull(rows.get(1).problem());
        assertEquals("c1", rows.get(1).customerExternalId());
    }

    @Test
    void csvRowsBecomeRequestsWithTheirLineNumbers() throws IOException {
        List<FeedbackImportRow> rows = read(Format.CSV, String.join("\n",
                "externalId,customerExternalId,orderExternalId,type,score,comment,public,channel,givenAt",
                "r1,c1,o1,review,5,Lovely,TRUE,web,2024-03-04",
                "",
                "r2,c2,,NPS,9,,,,2024-03-05T10:15:00+05:30",
                "r3,c2,,NPS,nine,,,,",
                "r4,c2,,NPS,9,,maybe,,",
                "r5,c2,,NPS,9,,,,05/03/2024", ""));
        assertEquals(5, rows.size());
        FeedbackImportRow r1 = rows.get(0);
        assertEquals(2, r1.line());
        assertEquals("c1", r1.customerExternalId());
        assertEquals("o1", r1.orderExternalId());
        assertEquals(FeedbackType.REVIEW, r1.request().type());
        assertEquals(5, r1.request().score());
        assertEquals(true, r1.request().published());
        assertEquals(OffsetDateTime.parse("2024-03-04T00:00:00Z"), r1.request().givenAt());
        FeedbackImportRow r2 = rows.get(1);
        assertEquals(4, r2.line(), "blank lines are skipped but counted");
        assertNull(r2.request().published());
        assertNull(r2.request().comment());
        assertEquals(OffsetDateTime.parse("2024-03-05T10:15:00+05:30"), r2.request().givenAt());
        assertEquals("score must be a whole number, not 'nine'", rows.get(2).problem());
        assertEquals("public must be true or false, not 'maybe'", rows.get(3).problem());
        assertTrue(rows.get(4).problem().startsWith("givenAt must be an ISO-8601 timestamp"), rows.get(4).problem());
    }

    @Test
    void aCsvRowWithMoreValuesThanColumnsMakesTheUploadUnreadableAtItsLine() {
        UnreadableUpload e = assertThrows(UnreadableUpload.class, () -> read(Format.CSV, "type,score\nNPS,9\nNPS,8,extra\n"));
        assertTrue(e.getMessage().startsWith("line 3"), e.getMessage());
    }

    @Test
    void ndjsonLinesAreThePostBodyPlusTheImportsOwnFields() throws IOException {
        List<FeedbackImportRow> rows = read(Format.NDJSON, String.join("\n",
                "{\"customerEmail\": \"a@example.com\", \"orderExternalId\": \"o1\", \"type\": \"CSAT\", \"score\": 4, \"public\": true}",
                "[1, 2]",
                "{\"customerExternalId\": 42, \"type\": \"NPS\", \"score\": 9}",
                "{\"customerExternalId\": \"c\", \"type\": \"NOPE\"}",
                "{\"customerExternalId\": \"c\", \"type\": \"NPS\", \"score\": 9, \"\\u0000\": 1}"));
        assertEquals(5, rows.size());
        FeedbackImportRow first = rows.get(0);
        assertEquals("a@example.com", first.customerEmail());
        assertEquals("o1", first.orderExternalId());
        assertEquals(FeedbackType.CSAT, first.request().type());
        assertEquals(true, first.request().published());
        assertEquals("each line must be one JSON object", rows.get(1).problem());
        assertEquals("customerExternalId must be a string", rows.get(2).problem());
        assertEquals(4, rows.get(3).line());
        assertTrue(rows.get(3).problem().contains("type"), rows.get(3).problem());
        assertTrue(rows.get(4).problem().contains("NUL"), rows.get(4).problem());
    }
}
