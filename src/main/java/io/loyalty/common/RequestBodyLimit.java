package io.loyalty.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.error.Problems;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

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

    /** How much of a refused body is read and discarded before the connection is closed instead. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

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

    /**
     * A 413 problem, sent at once. The body the client is still sending is read and thrown away (so that a
     * client that writes its whole body before reading sees the 413 rather than a broken pipe), but only up
     * to {@link #DRAIN_LIMIT}: past that the connection is closed.
     */
    private void refuse(RoutingContext ctx) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.TYPE_PREFIX + "payload-too-large");
        problem.put("title", "Request Entity Too Large");
        problem.put("status", 413);
        problem.put("detail", isImport(ctx)
                ? "The upload is larger than " + importLimit + " bytes, the limit for imports; split the file"
                : "The request body is larger than " + limit + " bytes, the limit for this endpoint; "
                + "send order history through POST " + IMPORTS + "/orders");
        problem.put("instance", String.valueOf(Problems.instance(ctx.normalizedPath())));
        problem.put("requestId", ctx.get(RequestIds.MDC_KEY));
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        HttpServerRequest request = ctx.request();
        AtomicLong drained = new AtomicLong();
        request.handler(chunk -> {
            if (drained.addAndGet(chunk.length()) > DRAIN_LIMIT) {
                request.connection().close();
            }
        });
        request.resume();
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .setStatusCode(413)
                .end(body);
    }
}
