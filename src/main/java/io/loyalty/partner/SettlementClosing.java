package io.loyalty.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Settlements closed up to {@code closedUntil}: no line is booked before it any more. */
@Entity
@Table(name = "settlement_closing")
public class SettlementClosing extends PanacheEntityBase {
    @Id
    public UUID id;
    public Instant closedUntil;
    public Instant previousUntil;
    public UUID apiKeyId;
    public Instant createdAt;
}
