package io.loyalty.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Seeds the demo data when dev mode starts; {@link DemoSeeder} does the work (and tests call it directly). */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoData {

    void onStart(@Observes StartupEvent event, DemoSeeder seeder) {
        seeder.seed();
    }
}
