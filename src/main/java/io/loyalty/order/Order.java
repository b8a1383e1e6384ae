package io.loyalty.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID apiKeyId;
    public String externalId;
    public UUID customerId;
    public Instant placedAt;
    public String currency;
    public String channel;
    /** The coalition partner whose key posted the order; null for the operator's own channels. */
    public UUID partnerId;
    public BigDecimal subtotal;
    public BigDecimal discount;
    public BigDecimal shipping;
    public BigDecimal total;
    public BigDecimal returnedAmount;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    public boolean accrue;
    public byte[] requestHash;
    /**
     * What the order earned, per programme, as answered when it was posted (replayed verbatim). Written once and never
     * changed in place: declared immutable, so that Hibernate does not copy it through JSON to snapshot it (5 % of a
     * batch writer's time in a profile of the orders benchmark).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<AccrualSnapshot> accrual;
    /** What the order's games and challenges gave, as answered when it was posted (replayed verbatim). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public io.loyalty.game.OrderGamification gamification;
    public Instant createdAt;
}
