package io.loyalty.reward;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The catalogue tests again, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
public class RewardResourceIT extends RewardResourceTest {
}
