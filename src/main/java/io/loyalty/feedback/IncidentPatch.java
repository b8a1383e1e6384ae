package io.loyalty.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of PATCH /incidents/{id}, for the OpenAPI contract only: the resource reads an ObjectNode. */
@Schema(name = "IncidentPatch", description = "JSON Merge Patch of an incident: only the fields to change.")
public record IncidentPatch(
        @Schema(nullable = true, example = "ACKNOWLEDGED", enumeration = {"ACKNOWLEDGED"},
                description = "Only ACKNOWLEDGED; resolving is its own operation.") String status,
        @Schema(nullable = true, maxLength = 4000, example = "Called the customer; the courier lost the parcel",
                description = "`null` clears them.") String notes) {
}
