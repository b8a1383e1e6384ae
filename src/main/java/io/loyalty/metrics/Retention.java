package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Retention and churn over one period (METRICS.md, "Activity, retention and churn"). */
@Schema(name = "Retention", description = "Who stayed over [from, to): S = customers active at `from`, E = active at `to`, "
        + "N = customers whose first counted order is in [from, to). Active at t: a counted order in (t - W, t].")
public record Retention(
        @Schema(required = true) MetricsInputs inputs,
        @Schema(required = true, example = "P90D", description = "W, the activity window, a calendar period in `timezone`.")
        String activityWindow,
        @Schema(required = true, example = "5309", description = "|S|") long activeAtStart,
        @Schema(required = true, example = "5120", description = "|E|; includes orders placed exactly at `to`.") long activeAtEnd,
        @Schema(required = true, example = "950", description = "|N|") long newCustomers,
        @Schema(required = true, example = "2238", description = "|S ∩ E|") long retained,
        @Schema(required = true, example = "3071", description = "|S \\ E|") long churned,
        @Schema(required = true, example = "1932", description = "E minus S minus N") long reactivated,
        @Schema(required = true, example = "2710", description = "Customers of S with an order in [from, to).") long repeatBuyers,
        @Schema(required = true, description = "retained / |S|") Rate retentionRate,
        @Schema(required = true, description = "churned / |S| (1 - retentionRate)") Rate churnRate,
        @Schema(required = true, description = "Classic CRR = (|E| - |N ∩ E|) / |S|. The numerator is |E \\ N| = retained + "
                + "reactivated, never negative; the value exceeds 1 when reactivated customers outnumber churned ones.")
        Rate crr) {

    static Retention of(Scope scope, String window, RetentionQuery.Counts c) {
        long churned = c.activeAtStart() - c.retained();
        return new Retention(scope.inputs(), window, c.activeAtStart(), c.activeAtEnd(), c.newCustomers(), c.retained(),
                churned, c.reactivated(), c.repeatBuyers(),
                Rate.of(c.retained(), c.activeAtStart()), Rate.of(churned, c.activeAtStart()),
                Rate.of(c.activeAtEnd() - c.newAndActiveAtEnd(), c.activeAtStart()));
    }
}
