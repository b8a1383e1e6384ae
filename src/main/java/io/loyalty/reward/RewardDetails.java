package io.loyalty.reward;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** The fields that belong to a reward's type, stored together as JSON on the reward. */
@RegisterForReflection
public record RewardDetails(BigDecimal amount, BigDecimal percent, BigDecimal maxDiscount, String sku, String subject,
                            Instant startsAt, Map<String, String> attributes) {
}
