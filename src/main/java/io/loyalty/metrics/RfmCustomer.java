package io.loyalty.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One customer's RFM values, scores and segment. */
@Schema(name = "RfmCustomer")
public record RfmCustomer(
        @Schema(required = true) UUID customerId,
        @Schema(required = true, description = "Their last counted order before `asOf`.") Instant lastOrderAt,
        @Schema(required = true, description = "Days from the last order to `asOf`, fractional (6 decimals).",
                example = "12.5") BigDecimal recency,
        @Schema(required = true, description = "Counted orders before `asOf`.", example = "7") long frequency,
        @Schema(required = true, description = "Net revenue before `asOf`, exact.", example = "812.50") BigDecimal monetary,
        @Schema(required = true, example = "5") int recencyScore,
        @Schema(required = true, example = "4") int frequencyScore,
        @Schema(required = true, example = "4") int monetaryScore,
        @Schema(required = true, example = "Champions") String segment) {
}
