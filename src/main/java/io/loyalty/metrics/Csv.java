package io.loyalty.metrics;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.util.List;

/**
 * Tables as RFC 4180 CSV, the format analysts paste into a spreadsheet, for the endpoints that return one row
 * per period, cohort cell or customer. Numbers are written plainly (no exponent), nulls as empty cells.
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** Whether the caller prefers CSV to JSON (by Accept order and q-values; JSON when it does not say). */
    public static boolean wanted(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("csv")) {
                return true;
            }
        }
        return false;
    }

    /** A 200 with the rows as CSV, the header first. */
    public static Response response(String name, List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (List<Object> row : rows) {
            line(out, row);
        }
        return Response.ok(out.toString(), MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .build();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
