package io.loyalty.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A company in a coalition programme: it issues points on its orders and takes them in redemptions. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID programmeId;
    public String name;
    public String externalId;
    public BigDecimal earnRate;
    public BigDecimal issuancePrice;
    public BigDecimal reimbursementRate;
    public Instant createdAt;
    public Instant updatedAt;
}
