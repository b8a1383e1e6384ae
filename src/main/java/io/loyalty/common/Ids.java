package io.loyalty.common;

import org.hibernate.id.uuid.UuidVersion7Strategy;

import java.util.UUID;

/**
 * Identifiers are UUID version 7: time-ordered, so keyset pagination by id lists rows in creation
 * order and inserts land at the right-hand edge of the primary-key index.
 */
public final class Ids {
    private Ids() {
    }

    public static UUID newId() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }
}
