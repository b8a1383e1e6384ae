package io.loyalty.game;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An instant-win game of a programme. {@code wins} is only ever changed by a conditional SQL update. */
@Entity
@Table(name = "game")
public class Game extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID programmeId;
    public String name;
    public BigDecimal minAmount;
    public String category;
    public BigDecimal probability;
    public UUID prizeRewardId;
    public Long prizePoints;
    public Integer dailyWinBudget;
    public Integer totalWinBudget;
    public int wins;
    public Instant validFrom;
    public Instant validTo;
    public Instant createdAt;
}
