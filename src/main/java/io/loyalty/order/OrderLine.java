package io.loyalty.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

@Entity
@IdClass(OrderLine.Key.class)
@Table(name = "order_line")
public class OrderLine extends PanacheEntityBase {
    @Id
    public UUID orderId;
    @Id
    public int lineNo;
    public String sku;
    public String name;
    public String category;
    public int quantity;
    public BigDecimal unitPrice;
    public int returnedQuantity;

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public record Key(UUID orderId, int lineNo) implements Serializable {
    }
}
