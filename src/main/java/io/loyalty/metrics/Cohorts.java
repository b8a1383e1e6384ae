package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The cohort retention matrix. */
@Schema(name = "Cohorts", description = "Customers grouped by the calendar month or ISO week (in `timezone`) of their "
        + "first counted order, and how many of each cohort ordered in each later bucket; cohorts and buckets are limited "
        + "to [from, to) (the first and last buckets are cut at `from` and `to`).")
public record Cohorts(
        @Schema(required = true) MetricsInputs inputs,
        @Schema(required = true, enumeration = {"month", "week"}) String granularity,
        @Schema(required = true, enumeration = {"customers", "revenue"}) String view,
        @Schema(nullable = true, required = true, example = "INR",
                description = "The currency of revenuePerCustomer (revenue view); null in the customers view.") String currency,
        @Schema(required = true, description = "Cohorts in time order; a bucket in which nobody placed a first order has none.")
        List<Cohort> cohorts) {

    static final List<String> CSV_HEADER = List.of("cohort", "size", "offset", "customers", "share", "revenuePerCustomer");

    @Schema(name = "Cohort", description = "The customers whose first counted order is in one bucket.")
    public record Cohort(
            @Schema(required = true, example = "2025-01", description = "yyyy-MM, or an ISO week such as 2025-W03.") String cohort,
            @Schema(required = true, example = "812") long size,
            @Schema(required = true, description = "One cell per bucket from the cohort's own (offset 0) to the last before `to`.")
            List<Cell> cells) {
    }

    @Schema(name = "CohortCell", description = "Bucket c + offset of cohort c.")
    public record Cell(
            @Schema(required = true, example = "1") int offset,
            @Schema(required = true, example = "203", description = "Cohort customers with at least one counted order in the bucket.")
            long customers,
            @Schema(required = true, example = "0.25", description = "customers / size, 6 decimals.") BigDecimal share,
            @Schema(nullable = true, example = "1240.5000", description = "Revenue view: the cohort's net revenue from its "
                    + "first bucket through this one, per cohort customer (4 decimals); null in the customers view.")
            BigDecimal revenuePerCustomer) {
    }

    List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Cohort c : cohorts) {
            for (Cell cell : c.cells()) {
                List<Object> row = new ArrayList<>(List.of(c.cohort(), c.size(), cell.offset(), cell.customers(), cell.share()));
                row.add(cell.revenuePerCustomer());
                rows.add(row);
            }
        }
        return rows;
    }
}
