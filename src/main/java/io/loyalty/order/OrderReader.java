package io.loyalty.order;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/** Reads an upload order by order, however many lines each order takes in it. */
interface OrderReader {
    /** PostgreSQL stores no NUL in text; caught while reading, it refuses one order instead of failing its batch. */
    String NUL_REJECTION = "contains the NUL character (U+0000), which cannot be stored";

    /** The next order of the upload, or null at its end. */
    ImportRecord next() throws IOException;

    /**
     * @param maxLinesPerOrder more lines than this refuse their order (POST /orders takes no more)
     * @param maxLineLength an NDJSON line is one order, the body of POST /orders, so no longer than that body may be
     */
    static OrderReader of(OrderImportService.Format format, InputStream in, ObjectMapper mapper, int maxLinesPerOrder,
                          int maxLineLength) throws IOException {
        return format == OrderImportService.Format.NDJSON
                ? new NdjsonOrderReader(in, mapper, maxLinesPerOrder, maxLineLength)
                : new CsvOrderReader(in, maxLinesPerOrder);
    }

    static String tooManyLines(long lines, int max) {
        return "has " + lines + " lines; an order may have at most " + max;
    }
}
