package io.loyalty.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One immutable line of the ledger; the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID membershipId;
    @Enumerated(EnumType.STRING)
    public EntryType type;
    public long points;
    public long balanceAfter;
    public UUID orderId;
    public UUID returnId;
    public UUID redemptionId;
    public String ruleId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public Integer[] basisLines;
    public String reason;
    public UUID apiKeyId;
    public Instant occurredAt;
    public UUID partnerId;
    public Instant createdAt;
}
