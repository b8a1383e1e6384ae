package io.loyalty.common.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The RFC 9457 error body, for the OpenAPI contract only: at runtime the bodies are written by
 * quarkus-resteasy-problem.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json.")
public record Problem(
        @Schema(required = true, example = "urn:loyalty:problem:validation",
                description = "Stable identifier of the kind of problem; switch on this.") String type,
        @Schema(required = true, example = "Bad Request") String title,
        @Schema(required = true, example = "400") int status,
        @Schema(example = "email must be a well-formed email address") String detail,
        @Schema(required = true, example = "/api/v1/customers") String instance,
        @Schema(required = true, example = "3f1c2a4e-8d7b-4e2f-9a51-0c6d2b7e9f10",
                description = "The request's X-Request-Id (the caller's or a generated one); quote it to find the request's log lines.")
        String requestId,
        @Schema(description = "Present on validation failures: one entry per invalid field.") List<Violation> violations) {

    @Schema(name = "Violation")
    public record Violation(
            @Schema(example = "email") String field,
            @Schema(example = "body", description = "Where the field is: body, query, path or header.") String in,
            @Schema(example = "must be a well-formed email address") String message) {
    }
}
