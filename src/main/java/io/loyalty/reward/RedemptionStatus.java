package io.loyalty.reward;

/** ISSUED -> USED, CANCELLED or EXPIRED; the last three are final. */
public enum RedemptionStatus {
    ISSUED, USED, CANCELLED, EXPIRED
}
