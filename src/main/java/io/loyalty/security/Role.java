package io.loyalty.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an API client may do. Each key has exactly one role. */
@Schema(description = "ADMIN: everything. STOREFRONT: customers, orders, redemptions, feedback. "
        + "PARTNER: a coalition partner's own orders and settlements. ANALYST: read-only customers and metrics.")
public enum Role {
    ADMIN, STOREFRONT, PARTNER, ANALYST;

    /** Compile-time constants for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String STOREFRONT = "STOREFRONT";
        public static final String PARTNER = "PARTNER";
        public static final String ANALYST = "ANALYST";

        private Names() {
        }
    }
}
