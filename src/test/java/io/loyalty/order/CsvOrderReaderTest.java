package io.loyalty.order;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How CSV rows become orders, without the application. */
class CsvOrderReaderTest {

    static List<ImportRecord> read(String... lines) throws IOException {
        OrderReader reader = new CsvOrderReader(new ByteArrayInputStream(
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        List<ImportRecord> records = new ArrayList<>();
        for (ImportRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void consecutiveRowsWithTheSameExternalIdAreTheLinesOfOneOrderReportedAtItsFirstLine() throws IOException {
        List<ImportRecord> records = read(
                "externalId,customerExternalId,placedAt,currency,total,sku,name,category,quantity,unitPrice",
                "a,c1,2024-03-01,INR,220.00,CHAI,Chai,drinks,2,60.00",
                "a,c1,2024-03-01,INR,220.00,CAKE,,bakery,1,100.00",
                "b,c2,2024-03-02,INR,60.00,CHAI,,,1,60.00",
                "a,c1,2024-03-03,INR,5.00,X,,,1,5.00");
        assertEquals(3, records.size());
        ImportRecord first = records.get(0);
        assertEquals(2, first.line());
        assertNull(first.problem());
        assertEquals("a", first.order().externalId());
        assertEquals(2, first.order().lines().size());
        assertEquals(new OrderRequest.Line("CHAI", "Chai", "drinks", 2, new BigDecimal("60.00")), first.order().lines().get(0));
        assertEquals(new OrderRequest.Line("CAKE", null, "bakery", 1, new BigDecimal("100.00")), first.order().lines().get(1));
        assertEquals(4, records.get(1).line());
        // The same externalId again, but not next to its first rows: another order, as the upload says.
        assertEquals(5, records.get(2).line());
        assertEquals("a", records.get(2).order().externalId());
        assertEquals(1, records.get(2).order().lines().size());
    }

    @Test
    void aRowWithoutSkuIsAOneLineOrderWorthItsTotalLessShippingPlusDiscount() throws IOException {
        ImportRecord r = read("externalId,customerExternalId,placedAt,currency,total,discount,shipping,sku",
                "x,c,2024-04-01,INR,100.00,15.00,40.00,").get(0);
        assertEquals(List.of(new OrderRequest.Line("ORDER", null, null, 1, new BigDecimal("75.00"))), r.order().lines());
        assertEquals(new BigDecimal("100.00"), r.order().total());
        assertEquals(new BigDecimal("15.00"), r.order().discount());
        assertEquals(new BigDecimal("40.00"), r.order().shipping());
    }

    @Test
    void aDateIsMidnightUtcAndAnOffsetIsKept() throws IOException {
        List<ImportRecord> records = read("externalId,customerExternalId,placedAt,currency,total",
                "d,c,2024-03-01,INR,1", "t,c,2024-03-05T10:15:00+05:30,INR,1");
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), records.get(0).order().placedAt().toInstant());
        assertEquals(Instant.parse("2024-03-05T04:45:00Z"), records.get(1).order().placedAt().toInstant());
    }

    @Test
    void ordersDoNotEarnUnlessAccrueIsTrueAndQuantityDefaultsToOne() throws IOException {
        List<ImportRecord> records = read("externalId,customerExternalId,placedAt,currency,total,accrue,sku,quantity,unitPrice",
                "a,c,2024-03-01,INR,5,true,S,,5", "b,c,2024-03-01,INR,5,,S,,5", "e,c,2024-03-01,INR,5,no,S,,5");
        assertEquals(true, records.get(0).order().accrue());
        assertEquals(false, records.get(1).order().accrue());
        assertEquals(false, records.get(2).order().accrue());
        assertEquals(1, records.get(0).order().lines().get(0).quantity());
    }

    @Test
    void theCustomerIsNamedByIdByExternalIdOrInlineWhenThereIsAnEmail() throws IOException {
        UUID id = UUID.fromString("0190c3a4-0000-7000-8000-000000000001");
        List<ImportRecord> records = read(
                "externalId,customerId,customerExternalId,customerEmail,customerFirstName,customerLastName,placedAt,currency,total",
                "a," + id + ",,,,,2024-03-01,INR,1",
                "b,,ext-b,,,,2024-03-01,INR,1",
                "c,,ext-c,c@example.com,Asha,Patil,2024-03-01,INR,1");
        assertEquals(id, records.get(0).order().customerId());
        assertNull(records.get(0).order().customerExternalId());
        assertEquals("ext-b", records.get(1).order().customerExternalId());
        assertNull(records.get(1).order().customer());
        OrderRequest inline = records.get(2).order();
        assertNull(inline.customerExternalId(), "named once, inside the inline customer");
        assertEquals("ext-c", inline.customer().externalId());
        assertEquals("c@example.com", inline.customer().email());
        assertEquals("Asha", inline.customer().firstName());
        assertEquals("Patil", inline.customer().lastName());
    }

    @Test
    void badRowsAreRejectedWithTheLineTheyStartOnAndTheRestIsStillRead() throws IOException {
        List<ImportRecord> records = read("externalId,customerId,customerExternalId,placedAt,currency,total,sku,quantity,unitPrice",
                "ok,,c,2024-03-01,INR,1,,,",
                "nodate,,c,,INR,1,,,",
                "baddate,,c,yesterday,INR,1,,,",
                "badtotal,,c,2024-03-01,INR,ten,,,",
                "nototal,,c,2024-03-01,INR,,,,",
                "badqty,,c,2024-03-01,INR,1,S,two,1",
                "badprice,,c,2024-03-01,INR,1,S,1,cheap",
                "baduuid,not-a-uuid,,2024-03-01,INR,1,,,",
                "last,,c,2024-03-01,INR,1,,,");
        assertEquals(9, records.size());
        assertFalse(records.get(0).isRefused());
        assertRefused(records.get(1), 3, "placedAt is required");
        assertRefused(records.get(2), 4, "placedAt must be an ISO-8601 timestamp with offset or a date, not 'yesterday'");
        assertRefused(records.get(3), 5, "total must be a decimal number, not 'ten'");
        assertRefused(records.get(4), 6, "total is required");
        assertRefused(records.get(5), 7, "quantity must be a whole number, not 'two'");
        assertRefused(records.get(6), 8, "unitPrice must be a decimal number, not 'cheap'");
        assertRefused(records.get(7), 9, "customerId must be a UUID, not 'not-a-uuid'");
        assertEquals(10, records.get(8).line());
        assertFalse(records.get(8).isRefused());
    }

    @Test
    void aNulCharacterInAnyRowOfAnOrderRejectsThatOrderOnly() throws IOException {
        List<ImportRecord> records = read("externalId,customerExternalId,placedAt,currency,total,sku,name,quantity,unitPrice",
                "a,c,2024-03-01,INR,2,S,fine,1,1",
                "a,c,2024-03-01,INR,2,T,bad\u0000name,1,1",
                "b,c,2024-03-01,INR,1,S,,1,1");
        assertEquals(2, records.size());
        assertRefused(records.get(0), 2, OrderReader.NUL_REJECTION);
        assertFalse(records.get(1).isRefused());
    }

    @Test
    void blankLinesAndSpacesAroundValuesAreIgnoredAndAHeaderAloneHasNoOrders() throws IOException {
        List<ImportRecord> records = read("externalId,customerExternalId,placedAt,currency,total",
                "", " a , c ,2024-03-01, INR , 7.50 ", "");
        assertEquals(1, records.size());
        assertEquals(3, records.get(0).line());
        assertEquals("a", records.get(0).order().externalId());
        assertEquals(new BigDecimal("7.50"), records.get(0).order().total());
        assertTrue(read("externalId,customerExternalId,placedAt,currency,total").isEmpty());
    }

    @Test
    void anOrderWithMoreRowsThanTheCapIsRefusedAtItsFirstLineAndTheNextOrderIsRead() throws IOException {
        // 200,000 rows of one order streamed through: only the cap's worth is ever kept.
        String header = "externalId,customerExternalId,placedAt,currency,total,sku,quantity,unitPrice\n";
        java.io.InputStream rows = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream((header + "ok,c,2024-03-01,INR,1.00,A,1,1.00\n").getBytes(StandardCharsets.UTF_8)),
                repeated("big,c,2024-03-01,INR,1.00,A,1,1.00\n", 200_000),
                new ByteArrayInputStream("after,c,2024-03-01,INR,1.00,A,1,1.00\n".getBytes(StandardCharsets.UTF_8)))));
        OrderReader reader = new CsvOrderReader(rows, 10);
        assertFalse(reader.next().isRefused());
        ImportRecord big = reader.next();
        assertRefused(big, 3, "order big has 200000 lines; an order may have at most 10");
        assertNull(big.order());
        ImportRecord after = reader.next();
        assertEquals(200_003, after.line());
        assertEquals("after", after.order().externalId());
        assertNull(reader.next());
    }

    @Test
    void exactlyTheCapIsAccepted() throws IOException {
        OrderReader reader = new CsvOrderReader(new ByteArrayInputStream(("externalId,customerExternalId,placedAt,currency,total,sku\n"
                + "x,c,2024-03-01,INR,1.00,A\nx,c,2024-03-01,INR,1.00,B\n").getBytes(StandardCharsets.UTF_8)), 2);
        assertEquals(2, reader.next().order().lines().size());
    }

    @Test
    void anUnreadableFileSaysWhatIsWrongAndWhereWithoutParserInternals() {
        UnreadableUpload e = org.junit.jupiter.api.Assertions.assertThrows(UnreadableUpload.class, () -> read(
                "externalId,total", "a,1.00", "b,2.00,extra,values"));
        assertEquals("line 3: the row has more values than the header has columns", e.getMessage());

        String huge = "x".repeat(20_000_001);
        UnreadableUpload tooLong = org.junit.jupiter.api.Assertions.assertThrows(UnreadableUpload.class, () -> read(
                "externalId,total", "a,1.00", "b," + huge));
        assertEquals("line 3: a value is longer, or nested deeper, than an upload may have", tooLong.getMessage());
    }

    static java.io.InputStream repeated(String text, int times) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new java.io.InputStream() {
            long at;

            @Override
            public int read() {
                return at < (long) bytes.length * times ? bytes[(int) (at++ % bytes.length)] : -1;
            }
        };
    }

    static void assertRefused(ImportRecord r, long line, String problem) {
        assertEquals(line, r.line());
        assertEquals(problem, r.problem());
    }
}
