package io.loyalty.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of an incident's history: who did what, when. */
@Entity
@Table(name = "incident_event")
public class IncidentEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID incidentId;
    public String action;
    public String notes;
    public UUID apiKeyId;
    public Instant at;
}
