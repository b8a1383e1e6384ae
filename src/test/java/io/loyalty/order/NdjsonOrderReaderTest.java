package io.loyalty.order;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.loyalty.order.CsvOrderReaderTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How NDJSON lines become orders, without the application (the mapper is set up as application.properties does). */
class NdjsonOrderReaderTest {
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final String ORDER = "{\"externalId\":\"%s\",\"customerExternalId\":\"c\",\"placedAt\":\"2025-01-01T10:00:00+05:30\","
            + "\"currency\":\"INR\",\"total\":30%s,\"lines\":[{\"sku\":\"A\",\"quantity\":3,\"unitPrice\":10}]}";

    static List<ImportRecord> read(String... lines) throws IOException {
        OrderReader reader = new NdjsonOrderReader(new ByteArrayInputStream(
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), MAPPER);
        List<ImportRecord> records = new ArrayList<>();
        for (ImportRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void eachLineIsOneOrderNumberedByItsLineCountingBlankLines() throws IOException {
        List<ImportRecord> records = read(ORDER.formatted("a", ""), "", "   ", ORDER.formatted("b", ""));
        assertEquals(2, records.size());
        assertEquals(1, records.get(0).line());
        assertEquals(4, records.get(1).line());
        OrderRequest a = records.get(0).order();
        assertEquals("a", a.externalId());
        assertEquals(Instant.parse("2025-01-01T04:30:00Z"), a.placedAt().toInstant());
        assertEquals(List.of(new OrderRequest.Line("A", null, null, 3, new BigDecimal("10"))), a.lines());
    }

    @Test
    void ordersDoNotEarnUnlessTheySayAccrueTrue() throws IOException {
        List<ImportRecord> records = read(ORDER.formatted("a", ""), ORDER.formatted("b", ",\"accrue\":true"),
                ORDER.formatted("c", ",\"accrue\":false"));
        assertEquals(false, records.get(0).order().accrue());
        assertEquals(true, records.get(1).order().accrue());
        assertEquals(false, records.get(2).order().accrue());
    }

    @Test
    void unreadableLinesAreRejectedWithTheirLineAndTheRestIsStillRead() throws IOException {
        List<ImportRecord> records = read("{\"externalId\": broken", ORDER.formatted("u", ",\"colour\":\"red\""),
                ORDER.formatted("ok", ""));
        assertEquals(3, records.size());
        assertEquals(1, records.get(0).line());
        assertTrue(records.get(0).problem().startsWith("The request body is not well-formed JSON"), records.get(0).problem());
        assertRefused(records.get(1), 2, "colour is not a known field");
        assertFalse(records.get(2).isRefused());
    }

    @Test
    void aNulCharacterRawOrEscapedRejectsItsLine() throws IOException {
        List<ImportRecord> records = read(ORDER.formatted("a\\u0000", ""), ORDER.formatted("b\u0000", ""),
                ORDER.formatted("c", ""));
        assertRefused(records.get(0), 1, OrderReader.NUL_REJECTION);
        assertRefused(records.get(1), 2, OrderReader.NUL_REJECTION);
        assertFalse(records.get(2).isRefused());
    }
    @Test
    void anOrderWithMoreLinesThanTheCapIsRefusedWithItsLine() throws IOException {
        String line = "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":10}";
        String many = "{\"externalId\":\"big\",\"customerExternalId\":\"c\",\"placedAt\":\"2025-01-01T10:00:00Z\","
                + "\"currency\":\"INR\",\"total\":40,\"lines\":[" + String.join(",", java.util.Collections.nCopies(4, line)) + "]}";
        OrderReader reader = new NdjsonOrderReader(new ByteArrayInputStream(
                (many + "\n" + ORDER.formatted("next", "") + "\n").getBytes(StandardCharsets.UTF_8)), MAPPER, 3, 10_000);
        assertRefused(reader.next(), 1, "order big has 4 lines; an order may have at most 3");
        assertEquals("next", reader.next().order().externalId());
    }

    @Test
    void aLineLongerThanAnOrderMayBeIsRefusedWithoutBeingKeptAndTheNextLineIsRead() throws IOException {
        // 50 MB on one line, streamed: the reader keeps at most the limit of it.
        java.io.InputStream upload = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                CsvOrderReaderTest.repeated("{\"externalId\":\"" + "x".repeat(1000), 50_000),
                new ByteArrayInputStream(("\"}\r\n" + ORDER.formatted("next", "") + "\r\n").getBytes(StandardCharsets.UTF_8)))));
        OrderReader reader = new NdjsonOrderReader(upload, MAPPER, 500, 1 << 20);
        assertRefused(reader.next(), 1, "the line is longer than an order may be (1048576 characters)");
        ImportRecord next = reader.next();
        assertEquals(2, next.line());
        assertEquals("next", next.order().externalId());
        assertEquals(null, reader.next());
    }
}
