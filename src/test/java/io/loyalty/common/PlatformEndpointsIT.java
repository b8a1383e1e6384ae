package io.loyalty.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
public class PlatformEndpointsIT extends PlatformEndpointsTest {
}
