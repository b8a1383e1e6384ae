package io.loyalty.ledger;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * What earning and redeeming need to know of a coalition partner, which lives in a package above: the
 * programme it belongs to and its own earn rate. The partner package implements it.
 */
public interface CoalitionPartners {
    Optional<Terms> terms(UUID partnerId);

    /**
     * @param earnRate points per currency unit of eligible spend at this partner, replacing the programme's
     *                 SPEND rules for its orders; null: the programme's rules apply unchanged
     */
    record Terms(UUID partnerId, UUID programmeId, BigDecimal earnRate) {
    }
}
