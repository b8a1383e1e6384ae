package io.loyalty.metrics;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A statement built from fragments, with its parameters in the order of their placeholders. */
public final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    /** Planner settings for this statement only (name to value), applied with SET LOCAL semantics. */
    private final Map<String, String> settings = new LinkedHashMap<>();

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

    /**
     * Plans this statement without hash aggregation. For statements that group the whole history by customer:
     * PostgreSQL estimates the distinct customers of {@code orders} from a sample and, at a million customers,
     * guesses a third of them, so it plans a hash aggregate that spills to disk; grouped in the order of the customer
     * index it streams instead (RFM at 10M orders: 21.7 s against 33.9 s under the same load).
     */
    public Sql sortedGrouping() {
        settings.put("enable_hashagg", "off");
        return this;
    }

    /**
     * Lets the planner hand a statement's scans and hash joins over every customer to parallel workers: with the
     * default price of moving a row from a worker (0.1), it keeps a pass over a million summary rows in one process
     * because all of them come back to the leader. For the few statements that read every customer and whose
     * answer the caller waits on.
     */
    public Sql parallel() {
        settings.put("parallel_tuple_cost", "0.01");
        settings.put("parallel_setup_cost", "100");
        return this;
    }

    Map<String, String> settings() {
        return settings;
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
