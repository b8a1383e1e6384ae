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
}
