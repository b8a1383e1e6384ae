package io.loyalty.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.util.UUID;

/** How many points a debit entry drew from one lot: the link that explains every balance. */
@Entity
@Immutable
@IdClass(LedgerAllocation.Key.class)
@Table(name = "ledger_allocation")
public class LedgerAllocation extends PanacheEntityBase {
    @Id
    public UUID debitEntryId;
    @Id
    public UUID lotEntryId;
    public long points;

    public record Key(UUID debitEntryId, UUID lotEntryId) implements Serializable {
    }
}
