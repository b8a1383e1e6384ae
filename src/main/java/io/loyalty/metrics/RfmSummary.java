package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The RFM segments as of an instant, in the table's order, with the bin edges that scored them. */
@Schema(name = "RfmSummary", description = "Customers with at least one counted order before `asOf`, by RFM segment.")
public record RfmSummary(
        @Schema(required = true) RfmInputs inputs,
        @Schema(required = true, description = "Customers scored (with a counted order before `asOf`).", example = "995")
        long customers,
        @Schema(nullable = true, required = true, description = "Currency of the revenue figures; null when no order counted.",
                example = "INR") String currency,
        @Schema(required = true, description = "Every segment in the table's order, empty ones too.") List<Segment> segments,
        @Schema(nullable = true, required = true, description = "The bin edges per dimension; null when no customer.") Bins bins) {

    @Schema(name = "RfmSegmentSummary")
    public record Segment(
            @Schema(required = true, example = "Champions") String segment,
            @Schema(required = true, example = "158") long customers,
            @Schema(required = true, description = "Their counted orders before `asOf`.", example = "1234") long orders,
            @Schema(required = true, description = "Their net revenue before `asOf`.", example = "120178.00") BigDecimal revenue,
            @Schema(nullable = true, required = true, description = "Recency scores present; null when the segment is empty.")
            ScoreRange recencyScores,
            @Schema(nullable = true, required = true) ScoreRange frequencyScores,
            @Schema(nullable = true, required = true) ScoreRange monetaryScores) {
    }

    @Schema(name = "RfmScoreRange")
    public record ScoreRange(@Schema(required = true, example = "4") int min, @Schema(required = true, example = "5") int max) {
    }

    @Schema(name = "RfmBins", description = "Per dimension, as the R package's threshold table: score k (recency: 6 - k) "
            + "for lower[k] <= value < upper[k].")
    public record Bins(@Schema(required = true, description = "Recency, in days.") Dimension recency,
                       @Schema(required = true, description = "Frequency, in orders.") Dimension frequency,
                       @Schema(required = true, description = "Monetary, net revenue.") Dimension monetary) {
    }

    @Schema(name = "RfmDimensionBins")
    public record Dimension(
            @Schema(required = true, description = "q1..q4: the 20th, 40th, 60th and 80th percentiles (type 7).",
                    example = "[114, 180, 296.4, 481]") List<BigDecimal> quantiles,
            @Schema(required = true, description = "(min, q1+1, q2+1, q3+1, q4+1)", example = "[1, 115, 181, 297.4, 482]")
            List<BigDecimal> lower,
            @Schema(required = true, description = "(q1+1, q2+1, q3+1, q4+1, max+1)", example = "[115, 181, 297.4, 482, 978]")
            List<BigDecimal> upper) {
    }
}
