package io.loyalty.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.loyalty.common.error.JsonInputExceptionMappers;
import io.loyalty.order.OrderImportService;
import io.loyalty.order.UnreadableUpload;

import java.io.BufferedReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/** Reads a feedback upload row by row: CSV with a header row, or NDJSON with one POST /feedback body per line. */
abstract class FeedbackImportReader {
    /** Longer NDJSON lines are refused: a feedback is a few fields and a comment of at most 4,000 characters. */
    static final int MAX_LINE = 64 * 1024;

    /** The next row, or null at the end of the upload. */
    abstract FeedbackImportRow next() throws IOException;

    static FeedbackImportReader of(OrderImportService.Format format, InputStream in, ObjectMapper mapper) throws IOException {
        return format == OrderImportService.Format.CSV ? new Csv(in) : new Ndjson(in, mapper);
    }

    private static final class Ndjson extends FeedbackImportReader {
        private final BufferedReader in;
        private final ObjectMapper mapper;
        private long lineNo;

        Ndjson(InputStream in, ObjectMapper mapper) {
            this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.mapper = mapper;
        }

        /** Set by {@link #boundedLine()} when the line it returned was cut at {@link #MAX_LINE}. */
        private boolean cut;

        /**
         * The next line, or null at the end, holding at most {@link #MAX_LINE} + 1 characters of it: the rest of an
         * overlong line is read and dropped, so one huge line cannot fill the heap.
         */
        private String boundedLine() throws IOException {
            StringBuilder line = new StringBuilder();
            cut = false;
            int c = in.read();
            if (c < 0) {
                return null;
            }
            while (c >= 0 && c != '\n') {
                if (line.length() <= MAX_LINE) {
                    line.append((char) c);
                } else {
                    cut = true;
                }
                c = in.read();
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            return line.toString();
        }

        @Override
        FeedbackImportRow next() throws IOException {
            String line;
            do {
                line = boundedLine();
                lineNo++;
            } while (line != null && !cut && line.isBlank());
            if (line == null) {
                return null;
            }
            if (cut || line.length() > MAX_LINE) {
                return FeedbackImportRow.unreadable(lineNo, "the line is longer than a feedback may be (" + MAX_LINE + " characters)");
            }
            if (line.indexOf('\0') >= 0 || line.contains("\\u0000")) {
                return FeedbackImportRow.unreadable(lineNo, "contains the NUL character (U+0000), which cannot be stored");
            }
            try {
                JsonNode node = mapper.readTree(line);
                if (!(node instanceof ObjectNode body)) {
                    return FeedbackImportRow.unreadable(lineNo, "each line must be one JSON object");
                }
                String customerExternalId = take(body, "customerExternalId");
                String customerEmail = take(body, "customerEmail");
                String orderExternalId = take(body, "orderExternalId");
                return new FeedbackImportRow(lineNo, mapper.treeToValue(body, FeedbackRequest.class), customerExternalId,
                        customerEmail, orderExternalId, null);
            } catch (JsonProcessingException e) {
                return FeedbackImportRow.unreadable(lineNo, JsonInputExceptionMappers.problem(e).getDetail());
            } catch (IllegalArgumentException e) {
                return FeedbackImportRow.unreadable(lineNo, e.getMessage());
            }
        }

        /** Removes a field the import takes besides the POST /feedback body. */
        private static String take(ObjectNode body, String field) {
            JsonNode v = body.remove(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw new IllegalArgumentException(field + " must be a string");
            }
            return v.asText();
        }
    }

    private static final class Csv extends FeedbackImportReader {
        private final MappingIterator<Map<String, String>> rows;

        Csv(InputStream in) throws IOException {
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
        FeedbackImportRow next() throws IOException {
            long line;
            Map<String, String> row;
            try {
                if (!rows.hasNextValue()) {
                    return null;
                }
                line = rows.getCurrentLocation().getLineNr();
                row = rows.nextValue();
            } catch (JsonProcessingException e) {
                throw UnreadableUpload.of(e, "CSV", rows.getParser().currentLocation().getLineNr());
            } catch (CharConversionException e) {
                throw new UnreadableUpload("line " + rows.getParser().currentLocation().getLineNr()
                        + ": the file is not UTF-8 text");
            }
            if (row.values().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                return FeedbackImportRow.unreadable(line, "contains the NUL character (U+0000), which cannot be stored");
            }
            try {
                return new FeedbackImportRow(line, request(row), text(row, "customerExternalId"),
                        text(row, "customerEmail"), text(row, "orderExternalId"), null);
            } catch (IllegalArgumentException e) {
                return FeedbackImportRow.unreadable(line, e.getMessage());
            }
        }

        private static FeedbackRequest request(Map<String, String> row) {
            return new FeedbackRequest(text(row, "externalId"), uuid(row, "customerId"), uuid(row, "orderId"), type(row),
                    score(row), text(row, "comment"), published(row), text(row, "channel"), givenAt(row));
        }

        private static FeedbackType type(Map<String, String> row) {
            String v = text(row, "type");
            if (v == null) {
                throw new IllegalArgumentException("type is required");
            }
            try {
                return FeedbackType.valueOf(v.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("type must be one of " + Arrays.toString(FeedbackType.values())
                        .replaceAll("[\\[\\]]", "") + ", not '" + v + "'");
            }
        }

        private static Integer score(Map<String, String> row) {
            String v = text(row, "score");
            try {
                return v == null ? null : Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("score must be a whole number, not '" + v + "'");
            }
        }

        private static Boolean published(Map<String, String> row) {
            String v = text(row, "public");
            if (v == null) {
                return null;
            }
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("public must be true or false, not '" + v + "'");
            }
            return Boolean.parseBoolean(v);
        }

        private static OffsetDateTime givenAt(Map<String, String> row) {
            String v = text(row, "givenAt");
            try {
                return v == null ? null : v.length() == 10 ? OffsetDateTime.parse(v + "T00:00:00Z") : OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("givenAt must be an ISO-8601 timestamp with offset or a date, not '" + v + "'");
            }
        }

        private static UUID uuid(Map<String, String> row, String column) {
            String v = text(row, column);
            try {
                return v == null ? null : UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(column + " must be a UUID, not '" + v + "'");
            }
        }

        private static String text(Map<String, String> row, String column) {
            String v = row.get(column);
            return v == null || v.isBlank() ? null : v;
        }
    }
}
