package io.loyalty.common;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;

/** Ready only when the schema is at the version this build expects (no pending migration). */
@Readiness
@ApplicationScoped
public class MigrationReadinessCheck implements HealthCheck {

    private final Flyway flyway;

    MigrationReadinessCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("Database schema migrated");
        try {
            var info = flyway.info();
            int pending = info.pending().length;
            var current = info.current();
            return builder.status(pending == 0 && current != null)
                    .withData("version", current == null ? "none" : current.getVersion().getVersion())
                    .withData("pending", pending)
                    .build();
        } catch (RuntimeException e) {
            return builder.down().withData("error", "database unreachable").build();
        }
    }
}
