package io.loyalty.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
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
@Table(name = "order_return")
public class OrderReturn extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID orderId;
    public BigDecimal amount;
    /** Written once, never changed in place (see {@link Order#accrual}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<ReturnSnapshot.Line> lines;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<ReturnSnapshot.StampReversal> stamps;
    public String reason;
    public UUID apiKeyId;
    public Instant createdAt;
}
