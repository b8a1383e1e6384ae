package io.loyalty.common;

import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plausible id, else a new one.
 * It is echoed on every response, problem bodies carry it, and it is in the MDC for every log line of the
 * request. Quarkus keeps the MDC in the request's Vert.x duplicated context, so it follows the request from
 * the event loop onto the worker thread and is gone with the request; nothing is left on a pooled thread.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Runs before CORS (300) and authentication (200), so that their answers carry the id too. */
    static final int FILTER_PRIORITY = 1000;
    /** What a proxy or client may pass in: ids such as UUIDs, trace ids or base64 tokens, nothing that could forge a log line. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::tag, FILTER_PRIORITY);
    }

    /** Health and metrics are on the management interface, whose router the filters above do not reach. */
    void registerManagement(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(RequestIds::tag);
    }

    private static void tag(RoutingContext rc) {
        String id = accept(rc.request().getHeader(HEADER));
        rc.put(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        rc.response().putHeader(HEADER, id);
        rc.next();
    }

    /** The caller's id when it is acceptable, else a fresh one. */
    public static String accept(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id of the request being served, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
