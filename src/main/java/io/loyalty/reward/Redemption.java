package io.loyalty.reward;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A reward handed to a customer, with its code. Status changes are also written to redemption_transition. */
@Entity
@Table(name = "redemption")
public class Redemption extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID rewardId;
    public UUID customerId;
    public UUID membershipId;
    public UUID partnerId;
    @Enumerated(EnumType.STRING)
    public RedemptionOrigin origin;
    public String reason;
    public String code;
    public long points;
    @Enumerated(EnumType.STRING)
    public RedemptionStatus status;
    public UUID debitEntryId;
    public Instant expiresAt;
    public UUID usedOrderId;
    public String usedOrderExternalId;
    public UUID apiKeyId;
    public Instant createdAt;
    public Instant updatedAt;
}
