package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The instant and filters an RFM result was computed with. */
@Schema(name = "RfmInputs", description = "The instant `asOf` (orders before it count) and the filters used.")
public record RfmInputs(
        @Schema(required = true, example = "2026-01-01T00:00:00Z") Instant asOf,
        @Schema(required = true, example = "UTC") String timezone,
        @Schema(nullable = true) UUID programmeId,
        @Schema(nullable = true, example = "web") String channel,
        @Schema(nullable = true, example = "INR") String currency,
        @Schema(nullable = true, description = "Set when a PARTNER key asked: only orders placed with that partner count.")
        UUID partnerId) {

    static RfmInputs of(Scope scope) {
        return new RfmInputs(scope.to(), scope.zone().getId(), scope.programmeId(), scope.channel(), scope.currency(),
                scope.partnerId());
    }
}
