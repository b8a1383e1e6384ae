package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Schema(name = "FeedbackMetrics", description = "What customers said in [from, to), what became of their bad experiences, "
        + "and the recommendations they made.")
public record FeedbackMetrics(
        @Schema(required = true) MetricsInputs inputs,
        @Schema(required = true) Nps nps,
        @Schema(required = true, description = "CSAT and REVIEW, in that order.") List<Satisfaction> satisfaction,
        @Schema(required = true) Incidents incidents,
        @Schema(required = true) Referrals referrals) {

    static final List<String> CSV_HEADER = List.of("figure", "value", "numerator", "denominator");

    /** One row per figure, a rate with the counts behind it, for a spreadsheet (the period is the request's). */
    List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        count(rows, "nps.responses", nps.responses());
        count(rows, "nps.promoters", nps.promoters());
        count(rows, "nps.passives", nps.passives());
        count(rows, "nps.detractors", nps.detractors());
        rows.add(Arrays.asList("nps.score", nps.score(), null, null));
        rate(rows, "nps.promoterShare", nps.promoterShare());
        rate(rows, "nps.detractorShare", nps.detractorShare());
        for (Satisfaction s : satisfaction) {
            count(rows, s.type() + ".responses", s.responses());
            rows.add(Arrays.asList(s.type() + ".meanScore", s.meanScore(), null, null));
            rate(rows, s.type() + ".topTwoBox", s.topTwoBox());
        }
        count(rows, "incidents.opened", incidents.opened());
        count(rows, "incidents.resolved", incidents.resolved());
        rows.add(Arrays.asList("incidents.medianHoursToResolution", incidents.medianHoursToResolution(), null, null));
        rate(rows, "incidents.compensated", incidents.compensated());
        count(rows, "referrals.made", referrals.made());
        count(rows, "referrals.converted", referrals.converted());
        return rows;
    }

    private static void count(List<List<Object>> rows, String figure, long value) {
        rows.add(Arrays.asList(figure, value, null, null));
    }

    private static void rate(List<List<Object>> rows, String figure, Rate rate) {
        rows.add(Arrays.asList(figure, rate.value(), rate.numerator(), rate.denominator()));
    }

    @Schema(name = "NpsMetrics", description = "NPS answers given in the period: promoters 9-10, passives 7-8, "
            + "detractors 0-6.")
    public record Nps(
            @Schema(required = true, example = "40") long responses,
            @Schema(required = true, example = "22") long promoters,
            @Schema(required = true, example = "10") long passives,
            @Schema(required = true, example = "8") long detractors,
            @Schema(nullable = true, required = true, example = "35.00", description = "% promoters - % detractors, "
                    + "-100 to 100, 2 decimals; null without responses.") BigDecimal score,
            @Schema(required = true) Rate promoterShare,
            @Schema(required = true) Rate detractorShare) {
    }

    @Schema(name = "SatisfactionMetrics")
    public record Satisfaction(
            @Schema(required = true, example = "CSAT") String type,
            @Schema(required = true, example = "25") long responses,
            @Schema(nullable = true, required = true, example = "4.120000", description = "Mean score, 6 decimals; "
                    + "null without responses.") BigDecimal meanScore,
            @Schema(required = true, description = "Share of scores 4-5.") Rate topTwoBox) {
    }

    @Schema(name = "IncidentMetrics", description = "Incidents opened in the period, and those resolved in it.")
    public record Incidents(
            @Schema(required = true, example = "12") long opened,
            @Schema(required = true, example = "9") long resolved,
            @Schema(nullable = true, required = true, example = "26.5", description = "Median hours from opening to "
                    + "resolution of the incidents resolved in the period; null when none was.")
            BigDecimal medianHoursToResolution,
            @Schema(required = true, description = "Resolved incidents that were compensated (points or a reward), "
                    + "over those resolved.") Rate compensated) {
    }

    @Schema(name = "ReferralMetrics", description = "Referrals made (customers registered with a code) in the period, "
            + "and referrals converted in it (first order kept past the pending period). Not filtered by channel.")
    public record Referrals(
            @Schema(required = true, example = "14") long made,
            @Schema(required = true, example = "6") long converted) {
    }
}
