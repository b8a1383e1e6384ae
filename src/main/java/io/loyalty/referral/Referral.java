package io.loyalty.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
    /** PENDING until the first order can no longer be returned; CONVERTED (bonuses paid) or LOST (it was returned). */
    public enum Status {
        PENDING, CONVERTED, LOST
    }

    @Id
    public UUID id;
    public UUID referrerId;
    public UUID referredId;
    public String code;
    @Enumerated(EnumType.STRING)
    public Status status;
    public UUID firstOrderId;
    public Instant settledAt;
    public Instant createdAt;
}
