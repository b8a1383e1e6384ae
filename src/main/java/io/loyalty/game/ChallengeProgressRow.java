package io.loyalty.game;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A membership's progress on a challenge in one period. */
@Entity
@Table(name = "challenge_progress")
public class ChallengeProgressRow extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID challengeId;
    public UUID membershipId;
    public String periodKey;
    public int orders;
    public BigDecimal spend;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> categories;
    public Instant completedAt;
    public UUID completedOrderId;
    public UUID redemptionId;
    public UUID ledgerEntryId;
    public Instant updatedAt;
}
