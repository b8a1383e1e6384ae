package io.loyalty.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ImportJob", description = "Progress and outcome of a bulk import (of orders or feedback).")
public record ImportJobResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "ORDERS", description = "What the job imports: ORDERS or FEEDBACK.") String kind,
        @Schema(required = true, example = "CSV") String format,
        @Schema(required = true, example = "COMPLETED", description = "QUEUED, RUNNING, COMPLETED or FAILED.") String status,
        @Schema(required = true, example = "69659", description = "Records read so far (orders, of which CSV rows of one order count once; or feedback).") long rowsRead,
        @Schema(required = true, example = "69650") long imported,
        @Schema(required = true, example = "5", description = "Records whose externalId was already imported or posted (orders: with the same content): skipped.") long duplicates,
        @Schema(required = true, example = "4") long rejected,
        @Schema(required = true, example = "23570") long customersCreated,
        @Schema(required = true, description = "The first 1,000 rejected records with their line number and why.")
        List<Rejection> rejections,
        @Schema(nullable = true, description = "Why the job failed, when it did.") String error,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt) {

    ImportJobResponse withRejections(List<Rejection> stored) {
        return new ImportJobResponse(id, kind, format, status, rowsRead, imported, duplicates, rejected, customersCreated, stored,
                error, createdAt, startedAt, finishedAt);
    }

    @Schema(name = "ImportRejection")
    public record Rejection(@Schema(example = "1042") long line, @Schema(example = "total must equal lines 20 - discount 0 + shipping 0 = 20") String reason) {
    }
}
