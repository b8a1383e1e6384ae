package io.loyalty.common;

import io.loyalty.common.error.Problems;

import java.util.UUID;

/** Validated {@code limit} and {@code after} query parameters of a list endpoint. */
public record PageRequest(int limit, UUID after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Parses raw query values; bad ones are 400 problems naming the parameter. */
    public static PageRequest of(String limit, String after) {
        int parsed = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                parsed = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw Problems.invalidParameter("limit", "must be a whole number between 1 and " + MAX_LIMIT);
            }
            if (parsed < 1 || parsed > MAX_LIMIT) {
                throw Problems.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
            }
        }
        return new PageRequest(parsed, Cursor.decode(after));
    }

    /** Rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
