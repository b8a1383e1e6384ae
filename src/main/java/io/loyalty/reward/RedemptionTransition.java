package io.loyalty.reward;

import io.loyalty.common.Ids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** One status a redemption went through; the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "redemption_transition")
public class RedemptionTransition extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID redemptionId;
    @Enumerated(EnumType.STRING)
    public RedemptionStatus status;
    public long pointsRefunded;
    public String detail;
    public UUID apiKeyId;
    public Instant occurredAt;
}
