package io.loyalty.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Feedback")
public record FeedbackResponse(
        @Schema(required = true) UUID id,
        @Schema(nullable = true, example = "review-88231") String externalId,
        @Schema(required = true) UUID customerId,
        @Schema(nullable = true) UUID orderId,
        @Schema(required = true, example = "NPS") FeedbackType type,
        @Schema(nullable = true, example = "9") Integer score,
        @Schema(nullable = true, example = "The new masala chai is excellent", description = "Null when none was given, or once the customer was erased.") String comment,
        @JsonProperty("public") @Schema(name = "public", required = true, example = "false") boolean published,
        @Schema(nullable = true, example = "app") String channel,
        @Schema(required = true) Instant givenAt,
        @Schema(nullable = true, description = "The incident this feedback opened (a complaint or a bottom score).")
        UUID incidentId,
        @Schema(required = true) Instant createdAt) {

    static FeedbackResponse from(Feedback f, UUID incidentId) {
        return new FeedbackResponse(f.id, f.externalId, f.customerId, f.orderId, f.type, f.score, f.comment,
                f.published, f.channel, f.givenAt, incidentId, f.createdAt);
    }
}
