package io.loyalty.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Application settings under the {@code loyalty.} prefix. */
@ConfigMapping(prefix = "loyalty")
public interface LoyaltyConfig {

    /**
     * When set (env {@code LOYALTY_ADMIN_API_KEY}), an active ADMIN key with exactly this value is
     * guaranteed to exist after startup, so a fresh installation can be administered at all.
     */
    Optional<String> adminApiKey();

    Database database();

    Expiry expiry();

    Tiers tiers();

    Referral referral();

    Http http();

    Rewards rewards();

    @io.smallrye.config.WithName("import")
    Import imports();

    Orders orders();

    Redemptions redemptions();

    /** How redemptions asked for with POST /redemptions are written (io.loyalty.reward.RedemptionWriter). */
    interface Redemptions {
        /** Writer threads per instance, each writing one batch at a time; 0 writes every redemption on its own. */
        @WithDefault("2")
        int writers();

        /** At most this many redemptions in one transaction. */
        @WithDefault("32")
        int batchSize();
    }

    /** How posted orders are written (io.loyalty.order.OrderWriter). */
    interface Orders {
        /** Writer threads per instance, each writing one batch at a time; 0 writes every order on its own. */
        @WithDefault("2")
        int writers();

        /** At most this many orders in one transaction. */
        @WithDefault("32")
        int batchSize();
    }

    interface Import {
        /**
         * The most lines an imported order may have (CSV rows with one externalId, an NDJSON order's lines), as
         * POST /orders allows. A longer order is refused while it is read, without holding it, and the job goes on.
         */
        @WithDefault("500")
        int maxLinesPerOrder();
    }

    interface Rewards {
        /**
         * How many counter rows (slots) a reward's limited stock is spread over when it is set. Parallel redemptions
         * of one reward take units from different slots, so up to this many proceed at once instead of queueing
         * behind one row lock; the stock shown is the sum of the slots. Rewards keep their slots until their
         * stock is set again.
         */
        @WithDefault("8")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(1000)
        int stockSlots();
    }

    interface Http {
        /**
         * The largest request body any endpoint but the bulk imports accepts. A JSON body is parsed in memory,
         * so this bounds what one request can cost; imports stream to disk under quarkus.http.limits.max-body-size.
         */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize jsonMaxBodySize();
    }

    interface Referral {
        /** How often due referral bonuses are paid, as a Quarkus scheduler interval such as 10m; "off" disables it. */
        @WithDefault("10m")
        String every();
    }

    interface Expiry {
        /** How often the expiry job runs, as a Quarkus scheduler interval such as 10m; "off" disables it. */
        @WithDefault("10m")
        String every();
    }

    interface Tiers {
        /** How often the tier review job runs, as a Quarkus scheduler interval such as 10m; "off" disables it. */
        @WithDefault("10m")
        String every();
    }

    interface Database {
        /** Create the configured database when it does not exist. Only dev mode turns this on. */
        @WithDefault("false")
        boolean createIfMissing();
    }
}
