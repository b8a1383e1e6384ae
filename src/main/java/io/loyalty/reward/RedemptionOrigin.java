package io.loyalty.reward;

/**
 * REDEEMED for points, GRANTED by an admin (a surprise or an apology), earned by a completed STAMP_CARD, won in
 * an instant-win GAME, paid by a completed CHALLENGE, or given to a newcomer as a REFERRAL welcome bonus.
 */
public enum RedemptionOrigin {
    REDEEMED, GRANTED, STAMP_CARD, GAME, CHALLENGE, REFERRAL
}
