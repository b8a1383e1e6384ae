package io.loyalty.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a customer told the business. Three types carry a score on their own scale; the others are words
 * only. The bottom of a scale (NPS 0-6, CSAT and REVIEW 1-2) is treated like a complaint: it opens an incident.
 */
@Schema(description = "NPS (score 0-10), CSAT (1-5), REVIEW (rating 1-5), COMPLAINT, COMPLIMENT, SUGGESTION "
        + "(constructive feedback), COMPETITOR_INFO (what competitors offer). Only NPS, CSAT and REVIEW have a score.")
public enum FeedbackType {
    NPS(0, 10, 6), CSAT(1, 5, 2), REVIEW(1, 5, 2), COMPLAINT, COMPLIMENT, SUGGESTION, COMPETITOR_INFO;

    private final Integer min;
    private final Integer max;
    private final Integer bottomUpTo;

    FeedbackType() {
        this(null, null, null);
    }

    FeedbackType(Integer min, Integer max, Integer bottomUpTo) {
        this.min = min;
        this.max = max;
        this.bottomUpTo = bottomUpTo;
    }

    public boolean scored() {
        return min != null;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** Whether this feedback should open an incident: a complaint, or a score at the bottom of its scale. */
    public boolean opensIncident(Integer score) {
        return this == COMPLAINT || (scored() && score != null && score <= bottomUpTo);
    }
}
