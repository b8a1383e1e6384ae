package io.loyalty;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;

/** Requests to the management interface (health, metrics), which tests reach on quarkus.management.test-port. */
public final class Management {

    private Management() {
    }

    /** A request to the management interface; paths are absolute, such as {@code /q/metrics}. */
    public static RequestSpecification given() {
        URI uri = URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
        return RestAssured.given().baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort()).basePath("");
    }

    public static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
