package io.loyalty.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The challenges a customer is offered in a programme, with progress, for the loyalty summary. Answered by the
 * package that runs challenges, which sits above the ledger.
 */
public interface ChallengeBoard {

    /** @param membershipId the customer's membership, or null when they have none yet (progress then is zero) */
    List<LoyaltySummary.Challenge> challenges(UUID customerId, UUID programmeId, UUID membershipId, Instant now);
}
