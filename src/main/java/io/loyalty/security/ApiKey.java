package io.loyalty.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Role role;
    public UUID partnerId;
    public String fingerprint;
    public byte[] keyHash;
    public Instant createdAt;
    public Instant revokedAt;

    public boolean isActive() {
        return revokedAt == null;
    }
}
