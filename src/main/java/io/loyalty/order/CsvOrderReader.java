package io.loyalty.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.loyalty.customer.CustomerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * CSV with a header row. Consecutive rows with the same externalId are the lines of one order; the
 * order's own columns are read from its first row. Without a sku column value the order gets one
 * line worth its total less shipping plus discount. An order with more rows than the cap is refused while it
 * is read: its rows past the cap are counted, not kept.
 */
final class CsvOrderReader implements OrderReader {
    private final MappingIterator<Map<String, String>> rows;
    /** The row read ahead that starts the next order, and its line. */
    private Map<String, String> pending;
    private long pendingLine;
    private final int maxLines;
    /** Rows of the group {@link #nextGroup()} read last, kept or not. */
    private long groupRows;

    CsvOrderReader(InputStream in) throws IOException {
        this(in, 500);
    }

    CsvOrderReader(InputStream in, int maxLines) throws IOException {
        this.maxLines = maxLines;
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.TRIM_SPACES);
        csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        try {
            rows = csv.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(in);
        } catch (JsonProcessingException e) {
            throw UnreadableUpload.of(e, "CSV", 1);
        }
    }

    @Override
    public ImportRecord next() throws IOException {
        if (pending == null && !readAhead()) {
            return null;
        }
        long line = pendingLine;
        List<Map<String, String>> group = nextGroup();
        if (groupRows > maxLines) {
            return ImportRecord.unreadable(line, "order " + group.get(0).get("externalId") + " "
                    + OrderReader.tooManyLines(groupRows, maxLines));
        }
        if (group.stream().anyMatch(CsvOrderReader::containsNul)) {
            return ImportRecord.unreadable(line, NUL_REJECTION);
        }
        try {
            return ImportRecord.of(line, toOrder(group));
        } catch (IllegalArgumentException e) {
            return ImportRecord.unreadable(line, e.getMessage());
        }
    }

    private boolean readAhead() throws IOException {
        try {
            if (!rows.hasNextValue()) {
                pending = null;
                return false;
            }
            pendingLine = rows.getCurrentLocation().getLineNr();
            pending = rows.nextValue();
            return true;
        } catch (JsonProcessingException e) {
            throw UnreadableUpload.of(e, "CSV", rows.getParser().currentLocation().getLineNr());
        } catch (java.io.CharConversionException e) {
            throw new UnreadableUpload("line " + rows.getParser().currentLocation().getLineNr()
                    + ": the file is not UTF-8 text");
        }
    }

    /** The pending row and the rows after it of the same order; leaves the first row of the next order pending. */
    private List<Map<String, String>> nextGroup() throws IOException {
        Map<String, String> first = pending;
        List<Map<String, String>> group = new ArrayList<>(List.of(first));
        String externalId = first.get("externalId");
        groupRows = 1;
        while (readAhead()) {
            if (blank(externalId) || !externalId.equals(pending.get("externalId"))) {
                return group;
            }
            if (++groupRows <= maxLines) {
                group.add(pending);
            }
        }
        return group;
    }

    private static boolean containsNul(Map<String, String> row) {
        return row.values().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0);
    }

    private static OrderRequest toOrder(List<Map<String, String>> group) {
        Map<String, String> f = group.get(0);
        BigDecimal total = decimal(f, "total");
        BigDecimal discount = decimal(f, "discount");
        BigDecimal shipping = decimal(f, "shipping");
        List<OrderRequest.Line> lines = new ArrayList<>();
        for (Map<String, String> row : group) {
            lines.add(blank(row.get("sku")) ? wholeOrderLine(total, discount, shipping) : line(row));
        }
        CustomerRequest customer = customer(f);
        String accrue = emptyToNull(f.get("accrue"));
        return new OrderRequest(emptyToNull(f.get("externalId")),
                blank(f.get("customerId")) ? null : uuid(f.get("customerId")),
                customer == null ? emptyToNull(f.get("customerExternalId")) : null, customer,
                timestamp(f.get("placedAt")), emptyToNull(f.get("currency")), lines, discount, shipping, total,
                accrue != null && Boolean.parseBoolean(accrue), emptyToNull(f.get("channel")));
    }

    /** The one line of an order known only by its total. */
    private static OrderRequest.Line wholeOrderLine(BigDecimal total, BigDecimal discount, BigDecimal shipping) {
        if (total == null) {
            throw new IllegalArgumentException("total is required");
        }
        return new OrderRequest.Line("ORDER", null, null, 1, total.subtract(orZero(shipping)).add(orZero(discount)));
    }

    private static OrderRequest.Line line(Map<String, String> row) {
        return new OrderRequest.Line(row.get("sku"), emptyToNull(row.get("name")), emptyToNull(row.get("category")),
                integer(row, "quantity"), decimal(row, "unitPrice"));
    }

    /** A customer described inline when the row has an email; otherwise the order names one by id. */
    private static CustomerRequest customer(Map<String, String> f) {
        String email = emptyToNull(f.get("customerEmail"));
        return email == null ? null : new CustomerRequest(emptyToNull(f.get("customerExternalId")), email,
                emptyToNull(f.get("customerFirstName")), emptyToNull(f.get("customerLastName")), null, null, false);
    }

    private static BigDecimal decimal(Map<String, String> row, String column) {
        String v = row.get(column);
        if (blank(v)) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a decimal number, not '" + v + "'");
        }
    }

    private static Integer integer(Map<String, String> row, String column) {
        String v = row.get(column);
        if (blank(v)) {
            return 1;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a whole number, not '" + v + "'");
        }
    }

    private static OffsetDateTime timestamp(String v) {
        if (blank(v)) {
            throw new IllegalArgumentException("placedAt is required");
        }
        try {
            return v.length() == 10 ? OffsetDateTime.parse(v + "T00:00:00Z") : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("placedAt must be an ISO-8601 timestamp with offset or a date, not '" + v + "'");
        }
    }

    private static UUID uuid(String v) {
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("customerId must be a UUID, not '" + v + "'");
        }
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    private static String emptyToNull(String v) {
        return blank(v) ? null : v;
    }
}
