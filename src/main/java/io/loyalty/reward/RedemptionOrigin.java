package io.loyalty.reward;

/** REDEEMED for points, GRANTED by an admin (a surprise or an apology), or earned by a completed STAMP_CARD. */
public enum RedemptionOrigin {
    REDEEMED, GRANTED, STAMP_CARD
}
