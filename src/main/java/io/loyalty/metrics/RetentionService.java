package io.loyalty.metrics;

import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Retention and churn, for one period or a series. No {@code @Transactional}: the metrics read the analytics
 * datasource with plain read-only JDBC, outside the order path's transactions.
 */
@ApplicationScoped
public class RetentionService {
    static final Period DEFAULT_WINDOW = Period.ofDays(90);
    static final Period DEFAULT_SPAN = Period.ofMonths(3);
    static final Period DEFAULT_SERIES_SPAN = Period.ofMonths(12);
    static final Period DEFAULT_INTERVAL = Period.ofMonths(1);

    private final RetentionQuery query;

    RetentionService(RetentionQuery query) {
        this.query = query;
    }

    public Retention retention(MetricsParams params, String activityWindow, Caller caller) {
        MetricsParams.Violations v = new MetricsParams.Violations();
        Period window = MetricsParams.period(v, "activityWindow", activityWindow, DEFAULT_WINDOW);
        Scope scope = params.toScope(caller, DEFAULT_SPAN, v);
        return Retention.of(scope, window.toString(), query.count(scope, window));
    }

    public RetentionSeries series(MetricsParams params, String interval, String activityWindow, Caller caller) {
        MetricsParams.Violations v = new MetricsParams.Violations();
        Period window = MetricsParams.period(v, "activityWindow", activityWindow, DEFAULT_WINDOW);
        Period step = MetricsParams.period(v, "interval", interval, DEFAULT_INTERVAL);
        Scope scope = params.toScope(caller, DEFAULT_SERIES_SPAN, v);
        List<Instant> bounds = Periods.steps(scope.from(), scope.to(), scope.zone(), step, v, "interval");
        v.throwIfAny();
        // One statement per period: each reads only its own window of orders, so the cost grows with the span asked.
        List<RetentionSeries.Point> points = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            Scope period = scope.during(bounds.get(i), bounds.get(i + 1));
            points.add(RetentionSeries.Point.of(Retention.of(period, window.toString(), query.count(period, window))));
        }
        return new RetentionSeries(scope.inputs(), step.toString(), window.toString(), points);
    }
}
