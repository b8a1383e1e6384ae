package io.loyalty.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public ProgrammeKind kind;
    @Enumerated(EnumType.STRING)
    public ProgrammeStatus status;
    public String currency;
    public BigDecimal pointValue;
    @Enumerated(EnumType.STRING)
    public Enrolment enrolment;
    public String timezone;
    public int pendingDays;
    @JdbcTypeCode(SqlTypes.JSON)
    public ExpiryPolicy expiry;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<EarningRule> rules;
    /** Optional: tiers (kind 2). */
    @JdbcTypeCode(SqlTypes.JSON)
    public TierScheme tiers;
    /** Optional: the fee of a paid membership (kind 3). */
    @JdbcTypeCode(SqlTypes.JSON)
    public MembershipFee fee;
    public Instant createdAt;
    public Instant updatedAt;

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public boolean isActive() {
        return status == ProgrammeStatus.ACTIVE;
    }
}
