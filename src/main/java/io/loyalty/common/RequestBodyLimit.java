package io.loyalty.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.error.Problems;
import io.loyalty.common.error.RoutedProblems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Bounds the request body of every endpoint except the bulk imports, before any of it is read: the global
 * {@code quarkus.http.limits.max-body-size} must be large for imports, and without this one request with a
 * huge JSON body could fill the heap. A declared length over the limit is refused at once; a chunked body is
 * cut off by Quarkus when it passes the limit.
 */
@ApplicationScoped
public class RequestBodyLimit {
    /** The only endpoints that stream their body to disk instead of parsing it in memory. */
    static final String IMPORTS = "/api/v1/imports";

    private final long limit;
    private final long importLimit;
    private final ObjectMapper mapper;

    RequestBodyLimit(LoyaltyConfig config, ObjectMapper mapper,
                     @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> importLimit) {
        this.limit = config.http().jsonMaxBodySize().asLongValue();
        this.importLimit = importLimit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.mapper = mapper;
    }

    /*
     * Quarkus's own limit handler (order -2) answers a declared length over the global limit with an empty 413,
     * and sets the global limit for chunked bodies. So declared lengths are checked before it (-3), and the
     * smaller limit for chunked bodies is set after it (-1).
     */
    void install(@Observes Router router) {
        router.route().order(-3).handler(this::checkDeclaredLength);
        router.route().order(-1).handler(this::limitChunkedBody);
    }

    private void limitChunkedBody(RoutingContext ctx) {
        if (!isImport(ctx) && ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
        }
        ctx.next();
    }

    private static boolean isImport(RoutingContext ctx) {
        return ctx.normalizedPath().startsWith(IMPORTS);
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            ctx.next();
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = Long.MAX_VALUE;
        }
        if (length <= (isImport(ctx) ? importLimit : limit)) {
            ctx.next();
            return;
        }
        refuse(ctx);
    }

    /** A 413 problem, sent at once; the rest of the body is drained (up to a limit) as {@link RoutedProblems} does. */
    private void refuse(RoutingContext ctx) {
        RoutedProblems.send(ctx, mapper, HttpProblem.builder()
                .withType(Problems.type("payload-too-large"))
                .withStatus(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                .withTitle("Request Entity Too Large")
                .withDetail(isImport(ctx)
                        ? "The upload is larger than " + importLimit + " bytes, the limit for imports; split the file"
                        : "The request body is larger than " + limit + " bytes, the limit for this endpoint; "
                        + "send order history through POST " + IMPORTS + "/orders")
                .build());
    }
}
