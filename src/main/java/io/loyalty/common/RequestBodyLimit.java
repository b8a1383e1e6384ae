package io.loyalty.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.error.Problems;
import io.loyalty.common.error.RoutedProblems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the request body of every endpoint except the bulk imports, before any of it is read: the global
 * {@code quarkus.http.limits.max-body-size} must be large for imports, and without this one request with a
 * huge JSON body could fill the heap. A declared length over the limit is refused at once; a chunked body is
 * read here, up to the limit, and refused the moment it passes it.
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
     * Quarkus's own limit handler (order -2) answers a declared length over the global limit with an empty 413.
     * So declared lengths are checked before it (-3). Chunked bodies are read after it (-1): Quarkus would cut
     * one off at its limit with an empty 413 and close the connection while the client is still sending, and a
     * client that writes its whole body before reading then sees a reset instead of the answer.
     */
    void install(@Observes Router router) {
        router.route().order(-3).handler(this::checkDeclaredLength);
        router.route().order(-1).handler(this::readChunkedBody);
    }

    /**
     * Reads a chunked body of a JSON endpoint into memory, at most {@code limit} bytes of it, and hands it to the
     * REST layer as the route's body; past the limit the request is refused with a problem and the rest drained.
     */
    private void readChunkedBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (isImport(ctx) || request.isEnded() || request.getHeader(HttpHeaders.CONTENT_LENGTH) != null) {
            ctx.next();
            return;
        }
        if (!"chunked".equalsIgnoreCase(request.getHeader(HttpHeaders.TRANSFER_ENCODING))) {
            // An HTTP/2 body without a declared length: Quarkus cuts it off, at this endpoint's limit.
            ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
            ctx.next();
            return;
        }
        Buffer body = Buffer.buffer();
        AtomicBoolean refused = new AtomicBoolean();
        request.handler(chunk -> {
            if (refused.get()) {
                return;
            }
            if ((long) body.length() + chunk.length() > limit) {
                refused.set(true);
                refuse(ctx);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!refused.get()) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        request.resume();
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
