package io.loyalty.reward;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * A catalogue entry. {@code limitedStock}: whether it has a number of units left at all; the units are counted
 * in its stock slots by {@link RewardStock} (redemptions take and return them with conditional SQL updates),
 * never through this entity.
 */
@Entity
@Table(name = "reward")
public class Reward extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID programmeId;
    public UUID partnerId;
    public String name;
    public String description;
    @Enumerated(EnumType.STRING)
    public RewardType type;
    @Enumerated(EnumType.STRING)
    public RewardStatus status;
    public long cost;
    @JdbcTypeCode(SqlTypes.JSON)
    public RewardDetails details;
    @JdbcTypeCode(SqlTypes.JSON)
    public Eligibility eligibility;
    public Instant validFrom;
    public Instant validTo;
    public Integer codeValidDays;
    public boolean limitedStock;
    public Integer limitPerCustomer;
    @Enumerated(EnumType.STRING)
    public LimitPeriod limitPeriod;
    public boolean refundOnExpiry;
    @Enumerated(EnumType.STRING)
    public CodeSource codeSource;
    public Instant createdAt;
    public Instant updatedAt;

    public boolean offeredAt(Instant at) {
        return status == RewardStatus.ACTIVE && (validFrom == null || !at.isBefore(validFrom))
                && (validTo == null || at.isBefore(validTo));
    }
}
