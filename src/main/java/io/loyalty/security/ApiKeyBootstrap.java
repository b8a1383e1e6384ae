package io.loyalty.security;

import io.loyalty.common.LoyaltyConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Makes {@code LOYALTY_ADMIN_API_KEY} (or dev mode's fixed key) a working ADMIN key at startup. */
@ApplicationScoped
public class ApiKeyBootstrap {
    private static final Logger LOG = Logger.getLogger(ApiKeyBootstrap.class);

    void onStart(@Observes StartupEvent event, LoyaltyConfig config, ApiKeyService service) {
        config.adminApiKey().ifPresent(value -> {
            service.ensureAdminKey(value, "Bootstrap admin (LOYALTY_ADMIN_API_KEY)");
            LOG.infof("Admin API key from configuration is active (fingerprint %s)", ApiKeys.fingerprint(ApiKeys.hash(value)));
        });
    }
}
