package io.loyalty.metrics;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A statement built from fragments, with its parameters in the order of their placeholders. */
public final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public Sql(String fragment, Object... values) {
        append(fragment, values);
    }

    /** Appends a fragment whose {@code ?} placeholders take {@code values}, in order. */
    public Sql append(String fragment, Object... values) {
        long placeholders = fragment.chars().filter(ch -> ch == '?').count();
        if (placeholders != values.length) {
            throw new IllegalArgumentException(placeholders + " placeholders but " + values.length + " values in: " + fragment);
        }
        text.append(fragment);
        params.addAll(List.of(values));
        return this;
    }

    public Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    public String text() {
        return text.toString();
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            // timestamptz parameters go as OffsetDateTime, which the driver sends without a local-zone shift.
            statement.setObject(i + 1, p instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : p);
        }
    }

    @Override
    public String toString() {
        return text + " " + params;
    }
}
