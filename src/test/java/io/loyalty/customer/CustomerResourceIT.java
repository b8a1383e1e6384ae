package io.loyalty.customer;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The customer tests again, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
public class CustomerResourceIT extends CustomerResourceTest {
}
