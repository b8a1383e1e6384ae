package io.loyalty.reward;

/** Only ACTIVE rewards can be redeemed or granted; INACTIVE ones stay for the history of their redemptions. */
public enum RewardStatus {
    ACTIVE, INACTIVE
}
