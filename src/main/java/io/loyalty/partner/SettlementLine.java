package io.loyalty.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One ledger movement of a coalition programme, priced when it was recorded. Amounts are exact (never
 * rounded) and each line balances on its own: owed - due = liability + margin.
 */
@Entity
@Immutable
@Table(name = "settlement_line")
public class SettlementLine extends PanacheEntityBase {
    /** The ledger entry's id: one line per entry. */
    @Id
    @Column(name = "entry_id")
    public UUID id;
    public UUID programmeId;
    public UUID partnerId;
    @Enumerated(EnumType.STRING)
    public SettlementKind kind;
    public String entryType;
    public long points;
    public BigDecimal pointValue;
    public BigDecimal rate;
    public BigDecimal owed;
    public BigDecimal due;
    public BigDecimal liability;
    public BigDecimal margin;
    public UUID orderId;
    public UUID returnId;
    public UUID redemptionId;
    public Instant occurredAt;
    public Instant bookedAt;
    public Instant recordedAt;
}
