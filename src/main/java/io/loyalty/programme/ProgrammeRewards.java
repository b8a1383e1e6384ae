package io.loyalty.programme;

import java.util.UUID;

/**
 * The programme package's question about the reward catalogue, answered by the reward package: rewards
 * sit above programmes in the package stack, so programmes ask through this interface instead of reading
 * the reward table.
 */
public interface ProgrammeRewards {

    /** Whether the reward exists and belongs to the programme's catalogue. */
    boolean inCatalogue(UUID programmeId, UUID rewardId);
}
