package io.loyalty.customer;

import java.util.UUID;

/**
 * A customer was named with a referral code: fired synchronously, in the transaction that creates (or, at a
 * guest checkout, finds) the customer, for the package that keeps referrals. An observer that refuses the
 * code throws, and the customer is not created.
 *
 * @param created whether this request created the customer; an existing customer is not referred again
 */
public record ReferralCodeGiven(UUID customerId, String code, String email, String phone, boolean created) {
}
