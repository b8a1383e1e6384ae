package io.loyalty.metrics;

import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cohort matrix; plain read-only JDBC on the analytics datasource, hence no {@code @Transactional}. */
@ApplicationScoped
public class CohortService {
    static final Period DEFAULT_SPAN = Period.ofMonths(12);

    private final CohortQuery query;

    CohortService(CohortQuery query) {
        this.query = query;
    }

    public Cohorts cohorts(MetricsParams params, String granularity, String view, Caller caller) {
        MetricsParams.Violations v = new MetricsParams.Violations();
        Periods.Granularity unit = Periods.Granularity.parse(v, granularity);
        boolean revenue = "revenue".equals(view);
        if (view != null && !view.isBlank() && !revenue && !"customers".equals(view)) {
            v.add("view", "must be customers or revenue");
        }
        Scope scope = params.toScope(caller, DEFAULT_SPAN, v);
        List<Instant> bounds = unit == null ? null : Periods.buckets(scope.from(), scope.to(), scope.zone(), unit, v);
        v.throwIfAny();
        CohortQuery.Matrix matrix = query.matrix(scope, bounds, revenue);
        String currency = null;
        if (revenue) {
            Currencies.requireSingle(matrix.leastCurrency(), matrix.greatestCurrency());
            currency = scope.currency() != null ? scope.currency() : matrix.leastCurrency();
        }
        return new Cohorts(scope.inputs(), unit.name().toLowerCase(Locale.ROOT), revenue ? "revenue" : "customers",
                currency, assemble(matrix.cells(), bounds, scope, unit, revenue));
    }

    /** Rows of (cohort, bucket) into cohorts with one cell per bucket from their own to the last, zeros included. */
    private static List<Cohorts.Cohort> assemble(List<CohortQuery.Cell> rows, List<Instant> bounds, Scope scope,
                                                 Periods.Granularity unit, boolean revenue) {
        int buckets = bounds.size() - 1;
        Map<Integer, Map<Integer, CohortQuery.Cell>> byCohort = new HashMap<>();
        for (CohortQuery.Cell row : rows) {
            byCohort.computeIfAbsent(row.cohort(), c -> new HashMap<>()).put(row.bucket(), row);
        }
        List<Cohorts.Cohort> cohorts = new ArrayList<>();
        for (int c = 1; c <= buckets; c++) {
            Map<Integer, CohortQuery.Cell> row = byCohort.get(c);
            if (row == null) {
                continue;
            }
            // Every cohort customer ordered in the cohort's own bucket: that cell's count is the cohort size.
            long size = row.get(c).customers();
            BigDecimal cumulative = BigDecimal.ZERO;
            List<Cohorts.Cell> cells = new ArrayList<>();
            for (int b = c; b <= buckets; b++) {
                CohortQuery.Cell cell = row.get(b);
                long customers = cell == null ? 0 : cell.customers();
                cumulative = cell == null || !revenue ? cumulative : cumulative.add(cell.net());
                cells.add(new Cohorts.Cell(b - c, customers, Money.ratio(customers, size),
                        revenue ? Money.per(cumulative, size) : null));
            }
            cohorts.add(new Cohorts.Cohort(Periods.label(bounds.get(c - 1), scope.zone(), unit), size, cells));
        }
        return cohorts;
    }
}
