package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The period and filters a figure was computed with, echoed so that a saved result says what it is. */
@Schema(name = "MetricsInputs", description = "The period [from, to) and the filters the figures were computed with.")
public record MetricsInputs(
        @Schema(required = true, example = "2025-10-01T00:00:00Z") Instant from,
        @Schema(required = true, example = "2026-01-01T00:00:00Z") Instant to,
        @Schema(required = true, example = "Asia/Kolkata") String timezone,
        @Schema(nullable = true) UUID programmeId,
        @Schema(nullable = true, example = "web") String channel,
        @Schema(nullable = true, example = "INR") String currency,
        @Schema(nullable = true, description = "Set when a PARTNER key asked: only orders placed with that partner count.")
        UUID partnerId) {
}
