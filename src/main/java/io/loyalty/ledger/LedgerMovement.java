package io.loyalty.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired, synchronously and inside the writing transaction, for every ledger entry written: the coalition
 * settlement (a package above) prices each movement when it happens instead of re-reading the ledger later.
 * {@code partnerId} is the partner the movement is settled with: the one the order was placed with (EARN,
 * REVERSE) or the redemption made at (REDEEM, REFUND); null for the operator's own.
 */
public record LedgerMovement(UUID entryId, UUID programmeId, UUID membershipId, EntryType type, long points,
                             UUID partnerId, UUID orderId, UUID returnId, UUID redemptionId, Instant occurredAt) {
}
