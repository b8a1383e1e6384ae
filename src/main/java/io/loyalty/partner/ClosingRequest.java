package io.loyalty.partner;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "SettlementClosingRequest")
public record ClosingRequest(
        @NotNull @Schema(required = true, example = "2026-11-01T00:00:00+05:30", description = "Close every period "
                + "before this instant: later than the last closing, not in the future.") OffsetDateTime until) {
}
