package io.loyalty.reward;

/**
 * What a reward gives. Material ones change the price or the basket; the others are experiences and
 * privileges (kind 4 of the digest: non-material rewards).
 */
public enum RewardType {
    DISCOUNT_AMOUNT, DISCOUNT_PERCENT, FREE_PRODUCT, FREE_SHIPPING, SERVICE, EXPERIENCE, EARLY_ACCESS, CUSTOM
}
