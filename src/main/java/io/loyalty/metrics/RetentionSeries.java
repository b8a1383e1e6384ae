package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Retention figures for consecutive periods, for a chart. */
@Schema(name = "RetentionSeries", description = "The figures of getRetention for [from, from + interval), "
        + "[from + interval, from + 2 x interval), ...; the last period ends at `to` and is shorter when the interval "
        + "does not divide [from, to).")
public record RetentionSeries(
        @Schema(required = true) MetricsInputs inputs,
        @Schema(required = true, example = "P1M") String interval,
        @Schema(required = true, example = "P90D") String activityWindow,
        @Schema(required = true) List<Point> periods) {

    static final List<String> CSV_HEADER = List.of("from", "to", "activeAtStart", "activeAtEnd", "newCustomers",
            "retained", "churned", "reactivated", "repeatBuyers", "retentionRate", "churnRate", "crr");

    @Schema(name = "RetentionPeriod", description = "One period of a retention series.")
    public record Point(
            @Schema(required = true, example = "2025-10-01T00:00:00Z") Instant from,
            @Schema(required = true, example = "2025-11-01T00:00:00Z") Instant to,
            @Schema(required = true) long activeAtStart,
            @Schema(required = true) long activeAtEnd,
            @Schema(required = true) long newCustomers,
            @Schema(required = true) long retained,
            @Schema(required = true) long churned,
            @Schema(required = true) long reactivated,
            @Schema(required = true) long repeatBuyers,
            @Schema(required = true) Rate retentionRate,
            @Schema(required = true) Rate churnRate,
            @Schema(required = true) Rate crr) {

        static Point of(Retention r) {
            return new Point(r.inputs().from(), r.inputs().to(), r.activeAtStart(), r.activeAtEnd(), r.newCustomers(),
                    r.retained(), r.churned(), r.reactivated(), r.repeatBuyers(), r.retentionRate(), r.churnRate(), r.crr());
        }

        List<Object> csvRow() {
            return List.of(from, to, activeAtStart, activeAtEnd, newCustomers, retained, churned, reactivated,
                    repeatBuyers, cell(retentionRate), cell(churnRate), cell(crr));
        }

        private static Object cell(Rate rate) {
            return rate.value() == null ? "" : rate.value();
        }
    }
}
