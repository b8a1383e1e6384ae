package io.loyalty.security;

import java.util.UUID;

/**
 * What security needs to know of coalition partners, which live in a package above it: whether one exists,
 * so that a PARTNER key can only name a real partner. The partner package implements it.
 */
public interface PartnerDirectory {
    boolean exists(UUID partnerId);
}
