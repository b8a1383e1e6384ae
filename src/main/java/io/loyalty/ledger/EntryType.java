package io.loyalty.ledger;

/**
 * EARN, REFUND (points of a cancelled redemption coming back) and positive ADJUST credit points as
 * lots; the others, and negative ADJUST, debit them.
 */
public enum EntryType {
    EARN, REDEEM, REVERSE, EXPIRE, ADJUST, REFUND
}
