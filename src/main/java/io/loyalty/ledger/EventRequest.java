package io.loyalty.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "CustomerEvent")
public record EventRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9_.-]{1,64}", message = "must be 1-64 lower-case letters, digits, '_', '.' or '-'")
        @Schema(required = true, example = "birthday") String name,
        @Schema(example = "2026-11-22T09:00:00Z", description = "When it happened; default now.") OffsetDateTime occurredAt) {
}
