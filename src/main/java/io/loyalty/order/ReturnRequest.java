package io.loyalty.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "ReturnRequest", description = "What came back: either `lines` (by lineNo, or by sku when it is on one "
        + "line only) or a refunded `amount` that is not tied to lines.")
public record ReturnRequest(
        @Size(min = 1, max = 500) List<@Valid @NotNull Line> lines,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
        @Schema(example = "50.00") BigDecimal amount,
        @Size(max = 500) @Schema(example = "Damaged in transit") String reason) {

    @Schema(name = "ReturnLine")
    public record Line(
            @Min(1) @Schema(example = "2") Integer lineNo,
            @Size(max = 100) @Schema(example = "SAMOSA") String sku,
            @NotNull @Min(1) @Max(1_000_000) @Schema(required = true, example = "1") Integer quantity) {
    }
}
