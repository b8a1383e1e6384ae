package io.loyalty.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {
    @Id
    public UUID id;
    public String externalId;
    public UUID customerId;
    public UUID orderId;
    public UUID partnerId;
    @Enumerated(EnumType.STRING)
    public FeedbackType type;
    public Integer score;
    public String comment;
    public boolean published;
    public String channel;
    public Instant givenAt;
    public UUID apiKeyId;
    public UUID importJobId;
    public Instant createdAt;
}
