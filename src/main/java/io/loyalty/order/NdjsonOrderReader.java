package io.loyalty.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.error.JsonInputExceptionMappers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** One JSON order per line, exactly the body of POST /orders, except that accrue defaults to false. */
final class NdjsonOrderReader implements OrderReader {
    private final BufferedReader lines;
    private final ObjectMapper mapper;
    private long lineNo;

    NdjsonOrderReader(InputStream in, ObjectMapper mapper) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        this.mapper = mapper;
    }

    @Override
    public ImportRecord next() throws IOException {
        String line = nextNonBlankLine();
        if (line == null) {
            return null;
        }
        if (line.indexOf('\0') >= 0 || line.contains("\\u0000")) {
            return ImportRecord.unreadable(lineNo, NUL_REJECTION);
        }
        try {
            return ImportRecord.of(lineNo, withoutAccrualByDefault(mapper.readValue(line, OrderRequest.class)));
        } catch (JsonProcessingException e) {
            return ImportRecord.unreadable(lineNo, JsonInputExceptionMappers.problem(e).getDetail());
        }
    }

    private String nextNonBlankLine() throws IOException {
        String line;
        do {
            line = lines.readLine();
            lineNo++;
        } while (line != null && line.isBlank());
        return line;
    }

    /** History is imported for the record; only orders that say so earn. */
    private static OrderRequest withoutAccrualByDefault(OrderRequest o) {
        return o.accrue() != null ? o : new OrderRequest(o.externalId(), o.customerId(), o.customerExternalId(),
                o.customer(), o.placedAt(), o.currency(), o.lines(), o.discount(), o.shipping(), o.total(), false);
    }
}
