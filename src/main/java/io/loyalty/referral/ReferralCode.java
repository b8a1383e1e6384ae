package io.loyalty.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "referral_code")
public class ReferralCode extends PanacheEntityBase {
    @Id
    public UUID customerId;
    public String code;
    public Instant createdAt;
}
