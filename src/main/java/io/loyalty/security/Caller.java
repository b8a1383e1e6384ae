package io.loyalty.security;

import io.quarkus.security.identity.SecurityIdentity;

import java.util.UUID;

/** The API client behind a request, as recorded on what it causes (ledger entries, orders, ...). */
public record Caller(UUID apiKeyId, String name, Role role, UUID partnerId) {
    static final String ATTRIBUTE = "loyalty.caller";

    public static Caller of(SecurityIdentity identity) {
        Caller caller = identity.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("request is not authenticated with an API key");
        }
        return caller;
    }

    /**
     * The one isolation check: whether something attributed to a coalition partner ({@code owner}, null for the
     * operator's own) is this caller's to see. Every role but PARTNER sees everything; a PARTNER key sees only
     * its own partner's.
     */
    public boolean sees(UUID owner) {
        return role != Role.PARTNER || (partnerId != null && partnerId.equals(owner));
    }

    /** The partner a PARTNER key is confined to; null for every other role, which is not confined. */
    public UUID scope() {
        return role == Role.PARTNER ? partnerId : null;
    }
}
