package io.loyalty.game;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A goal over a period that pays its prize once per period, on the order that reaches it. */
@Entity
@Table(name = "challenge")
public class Challenge extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID programmeId;
    public String name;
    @Enumerated(EnumType.STRING)
    public ChallengeRules.Goal goal;
    public BigDecimal target;
    @Enumerated(EnumType.STRING)
    public ChallengeRules.Period period;
    public UUID prizeRewardId;
    public Long prizePoints;
    public Instant validFrom;
    public Instant validTo;
    public Instant createdAt;
}
