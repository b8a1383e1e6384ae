package io.loyalty.game;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "PrizeRequest", description = "Exactly one of `rewardId` (a reward of the programme's catalogue, "
        + "issued as a grant is: one unit of stock and a code) and `points` (bonus points, credited as earned points).")
public record PrizeRequest(
        @Schema(nullable = true) UUID rewardId,
        @Min(1) @Max(1_000_000) @Schema(nullable = true, example = "100", minimum = "1", maximum = "1000000") Long points) {
}
