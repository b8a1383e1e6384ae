package io.loyalty.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
public class ApiKeyResourceIT extends ApiKeyResourceTest {
}
