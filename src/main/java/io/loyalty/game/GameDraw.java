package io.loyalty.game;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One order's play of one game, won or not: the audit trail of the game. */
@Entity
@Table(name = "game_draw")
public class GameDraw extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID gameId;
    public UUID orderId;
    public UUID customerId;
    public UUID membershipId;
    public BigDecimal probability;
    public int roll;
    @Enumerated(EnumType.STRING)
    public DrawOutcome outcome;
    public UUID prizeRewardId;
    public Long prizePoints;
    public UUID redemptionId;
    public UUID ledgerEntryId;
    /** When a return of the order took the prize back, and what it did. */
    public Instant revokedAt;
    public String revoked;
    public Instant drawnAt;
}
