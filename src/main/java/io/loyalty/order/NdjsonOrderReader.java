package io.loyalty.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.error.JsonInputExceptionMappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * One JSON order per line, exactly the body of POST /orders, except that accrue defaults to false. A line
 * longer than that body may be is refused without being held: its text past the limit is skipped, not kept.
 */
final class NdjsonOrderReader implements OrderReader {
    private final Reader in;
    private final ObjectMapper mapper;
    private final int maxLines;
    private final int maxLineLength;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long lineNo;
    /** Whether the line {@link #nextNonBlankLine()} returned last was cut at the length limit. */
    private boolean tooLong;

    NdjsonOrderReader(InputStream in, ObjectMapper mapper) {
        this(in, mapper, 500, 1 << 20);
    }

    NdjsonOrderReader(InputStream in, ObjectMapper mapper, int maxLines, int maxLineLength) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
        this.mapper = mapper;
        this.maxLines = maxLines;
        this.maxLineLength = maxLineLength;
    }

    @Override
    public ImportRecord next() throws IOException {
        String line = nextNonBlankLine();
        if (line == null) {
            return null;
        }
        if (tooLong) {
            return ImportRecord.unreadable(lineNo, "the line is longer than an order may be (" + maxLineLength + " characters)");
        }
        if (line.indexOf('\0') >= 0 || line.contains("\\u0000")) {
            return ImportRecord.unreadable(lineNo, NUL_REJECTION);
        }
        OrderRequest order;
        try {
            order = mapper.readValue(line, OrderRequest.class);
        } catch (JsonProcessingException e) {
            return ImportRecord.unreadable(lineNo, JsonInputExceptionMappers.problem(e).getDetail());
        }
        if (order.lines() != null && order.lines().size() > maxLines) {
            return ImportRecord.unreadable(lineNo, "order " + order.externalId() + " "
                    + OrderReader.tooManyLines(order.lines().size(), maxLines));
        }
        return ImportRecord.of(lineNo, withoutAccrualByDefault(order));
    }

    private String nextNonBlankLine() throws IOException {
        String line;
        do {
            line = readLine();
            lineNo++;
        } while (line != null && !tooLong && line.isBlank());
        return line;
    }

    /** The next line without its terminator (\n or \r\n), at most maxLineLength characters of it; null at the end. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(line) : null;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int room = maxLineLength + 1 - line.length();
            if (!tooLong) {
                line.append(buffer, start, Math.min(position - start, Math.max(room, 0)));
                tooLong = line.length() > maxLineLength;
            }
            if (position < limit) {
                position++;
                return finish(line);
            }
        }
    }

    private String finish(StringBuilder line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    /** History is imported for the record; only orders that say so earn. */
    private static OrderRequest withoutAccrualByDefault(OrderRequest o) {
        return o.accrue() != null ? o : new OrderRequest(o.externalId(), o.customerId(), o.customerExternalId(),
                o.customer(), o.placedAt(), o.currency(), o.lines(), o.discount(), o.shipping(), o.total(), false, o.channel());
    }
}
