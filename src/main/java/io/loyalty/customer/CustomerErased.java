package io.loyalty.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's personal data was erased: fired synchronously, once, in the erasing transaction, so that the
 * packages above this one that keep what the customer wrote or did (feedback comments, referrals) erase or settle
 * it in the same transaction. An observer that fails rolls the erasure back: it is all or nothing.
 */
public record CustomerErased(UUID customerId, Instant erasedAt) {
}
