package io.loyalty.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether the business may promote anything to a customer now. After a bad experience, offering bonuses
 * adds fuel to the fire: the dissatisfaction is repaired first. The ledger and the catalogue ask through
 * this interface; the feedback package, which knows about complaints and sits above them, answers it.
 */
public interface PromotionPolicy {

    /** Why promotions are withheld from this customer now; empty when they are allowed. */
    Optional<Suppression> suppression(UUID customerId);

    @Schema(name = "PromotionSuppression", description = "Why promotions are withheld from the customer.")
    record Suppression(
            @Schema(required = true, example = "OPEN_INCIDENT") String reason,
            @Schema(required = true, description = "The oldest unresolved incident.") UUID incidentId,
            @Schema(required = true) Instant since,
            @Schema(required = true, example = "Complaint of 2026-11-20 is not resolved yet: repair first, promote later")
            String detail) {
    }
}
