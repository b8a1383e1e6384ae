package io.loyalty.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What remains of one credit entry. Pending until {@code availableFrom}; gone at {@code expiresAt}. */
@Entity
@Table(name = "point_lot")
public class PointLot extends PanacheEntityBase {
    @Id
    public UUID entryId;
    public UUID membershipId;
    public long points;
    public long remaining;
    public Instant earnedAt;
    public Instant availableFrom;
    public Instant expiresAt;

    public boolean isAvailableAt(Instant at) {
        return !availableFrom.isAfter(at) && (expiresAt == null || expiresAt.isAfter(at));
    }
}
