package io.loyalty.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's account in a programme. The balance columns are a cache of the ledger, changed only by
 * {@link io.loyalty.ledger.Ledger} while the row is locked: {@code balance} is the sum of what remains
 * of the customer's point lots minus {@code debt} (points reversed after they were spent).
 */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID programmeId;
    public UUID customerId;
    public Instant joinedAt;
    public Instant endedAt;
    public long balance;
    public long debt;
    public long earned;
    public long redeemed;
    public long reversed;
    public long expired;
    public long adjusted;
    public Instant lastOrderAt;

    public boolean isActive() {
        return endedAt == null;
    }
}
