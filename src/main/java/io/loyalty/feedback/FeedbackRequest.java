package io.loyalty.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "FeedbackRequest", description = "What a customer said. NPS, CSAT and REVIEW need a score on their "
        + "scale (NPS 0-10, CSAT and REVIEW 1-5); the other types have none and need a comment.")
public record FeedbackRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = "^\\S(.*\\S)?$", message = "must not start or end with whitespace")
        @Schema(nullable = true, example = "review-88231",
                description = "The feedback's id in your system (a review id); unique.") String externalId,
        @NotNull @Schema(required = true, example = "0193a1f4-5c2e-7d4b-9a1e-2f3c4d5e6f70") UUID customerId,
        @Schema(nullable = true, description = "The order it is about; it must be the customer's.") UUID orderId,
        @NotNull @Schema(required = true, example = "NPS") FeedbackType type,
        @Min(0) @Max(10) @Schema(nullable = true, example = "9", minimum = "0", maximum = "10",
                description = "NPS 0-10, CSAT and REVIEW 1-5; absent for the other types.") Integer score,
        @Size(max = 4000) @Schema(nullable = true, example = "The new masala chai is excellent") String comment,
        @JsonProperty("public")
        @Schema(name = "public", example = "false", description = "A published review (true) or a private message "
                + "(false, the default).") Boolean published,
        @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*", message = "must be letters, digits, '_', '.' or '-'")
        @Schema(nullable = true, example = "app", description = "Where it was given (web, app, store-12, email ...).")
        String channel,
        @Schema(nullable = true, example = "2026-11-22T10:15:00+05:30",
                description = "When it was given; may be in the past. Default: now.") OffsetDateTime givenAt) {
}
