package io.loyalty.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.RequestIds;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a problem from a Vert.x route handler, for the refusals made on the event loop before the REST layer
 * (and its exception mappers and post-processors) is reached: the same document a mapped problem is, with the
 * request id and the problem's headers.
 */
public final class RoutedProblems {
    /** How much of a refused body is read and discarded before the connection is closed instead. */
    public static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private RoutedProblems() {
    }

    /**
     * Sends the problem at once. The body the client is still sending is read and thrown away (so that a client
     * that writes its whole body before reading sees the problem rather than a broken pipe, and the connection
     * stays usable), but only up to {@link #DRAIN_LIMIT}: past that the connection is closed.
     */
    public static void send(RoutingContext ctx, ObjectMapper mapper, HttpProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatusCode());
        body.put("detail", problem.getDetail());
        body.put("instance", String.valueOf(Problems.instance(ctx.normalizedPath())));
        body.put(RequestIds.MDC_KEY, ctx.get(RequestIds.MDC_KEY));
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            json = "{\"status\":" + problem.getStatusCode() + "}";
        }
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            AtomicLong drained = new AtomicLong();
            request.handler(chunk -> {
                if (drained.addAndGet(chunk.length()) > DRAIN_LIMIT) {
                    request.connection().close();
                }
            });
            request.resume();
        }
        problem.getHeaders().forEach((name, value) -> ctx.response().putHeader(name, String.valueOf(value)));
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, HttpProblem.MEDIA_TYPE.toString())
                .setStatusCode(problem.getStatusCode())
                .end(json);
    }
}
