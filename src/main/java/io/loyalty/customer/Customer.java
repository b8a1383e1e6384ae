package io.loyalty.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {
    @Id
    public UUID id;
    public String externalId;
    public String email;
    public String firstName;
    public String lastName;
    public String phone;
    public LocalDate birthDate;
    public boolean marketingConsent;
    public Instant createdAt;
    public Instant updatedAt;
    /** When the customer's personal data was erased (GDPR right to erasure); null while they are a customer. */
    public Instant erasedAt;
}
