package io.loyalty.ledger;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RegisterForReflection
@Schema(name = "CustomerEventResult", description = "Points the event earned under each EVENT rule that matched it.")
public record EventResponse(
        @Schema(required = true, example = "birthday") String name,
        @Schema(required = true) UUID customerId,
        @Schema(required = true) Instant occurredAt,
        @Schema(required = true) List<Award> awards) {

    @RegisterForReflection
    @Schema(name = "EventAward")
    public record Award(UUID programmeId, @Schema(example = "birthday") String ruleId, @Schema(example = "100") long points,
                        @Schema(description = "True when a limit or cap cut the award.") boolean limited,
                        @Schema(example = "1100") long balance) {
    }
}
