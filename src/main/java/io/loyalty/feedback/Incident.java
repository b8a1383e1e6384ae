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
@Table(name = "incident")
public class Incident extends PanacheEntityBase {
    /** What opened an incident. */
    public enum Cause {
        COMPLAINT, LOW_SCORE
    }

    @Id
    public UUID id;
    public UUID customerId;
    public UUID feedbackId;
    @Enumerated(EnumType.STRING)
    public Cause cause;
    @Enumerated(EnumType.STRING)
    public IncidentStatus status;
    public String notes;
    public Instant openedAt;
    public UUID openedBy;
    public Instant acknowledgedAt;
    public UUID acknowledgedBy;
    public Instant resolvedAt;
    public UUID resolvedBy;
    public String resolution;
    public UUID compensationProgrammeId;
    public Long compensationPoints;
    public UUID compensationEntryId;
    public UUID compensationRewardId;
    public UUID compensationRedemptionId;
}
