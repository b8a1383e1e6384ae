package io.loyalty.tier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's tier and paid state in one programme. Changed only while the membership row is locked (orders,
 * returns, payments, pins and reviews all lock it first), so the membership lock orders every change.
 */
@Entity
@Table(name = "member_status")
public class MemberStatus extends PanacheEntityBase {
    @Id
    public UUID membershipId;
    public UUID programmeId;
    public String tier;
    public Instant tierSince;
    public Instant reviewAt;
    public Instant graceUntil;
    public String pinnedTier;
    public String pinReason;
    public Instant pinnedUntil;
    public Instant cancelAt;
    public String cancelReason;

    boolean pinnedAt(Instant t) {
        return pinnedTier != null && pinnedUntil != null && pinnedUntil.isAfter(t);
    }
}
