package io.loyalty.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.error.Problems;
import io.loyalty.common.error.RoutedProblems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sheds load past capacity: at most {@link AdmissionConfig#maxInFlight()} requests of {@code /api/v1} are served
 * at once by this instance, and the next one is answered at once with a 503 {@code overloaded} problem and
 * {@code Retry-After}, on the event loop, before it is queued for a worker thread or touches the database. Without
 * this, requests past capacity queue for a worker and then for a connection, and every request gets slow (at an
 * open-loop 1,000 orders/s half failed and p99 was 22 s); with it, the admitted ones keep their latency.
 * <p>
 * Import uploads have a limit of their own (see {@link AdmissionConfig.Imports}). Health and metrics are on the
 * management interface, whose router this does not reach.
 * <p>
 * A request's place is given back when its response has been sent, when the connection closes before that (the
 * client gave up: its work may still finish on its worker thread, but no one waits for it), or when the response
 * fails; {@link InFlightLimit.Permit} makes the first of these count and the others nothing.
 */
@ApplicationScoped
public class AdmissionControl {
    static final String SHED = "loyalty.admission.shed";
    static final String IN_FLIGHT = "loyalty.admission.in.flight";
    /**
     * After Quarkus's filters (the request id at -1000, so the 503 carries it) and before the body limits (-3) and
     * the REST layer, so that a shed request has not been read, authenticated or dispatched.
     */
    static final int ROUTE_ORDER = -10;
    private static final String API = "/api/v1";

    private final AdmissionConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private Gate api;
    private Gate imports;

    AdmissionControl(AdmissionConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.config = config;
        this.mapper = mapper;
        this.registry = registry;
    }

    void install(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        long retryAfter = Math.max(1, (config.retryAfter().toMillis() + 999) / 1000);
        api = new Gate("api", config.maxInFlight(), retryAfter, "This instance is serving as many requests as it can ("
                + config.maxInFlight() + " at once); this one was not processed. Retry after " + retryAfter + " s");
        imports = new Gate("imports", config.imports().maxInFlight(), retryAfter,
                "This instance is already receiving " + config.imports().maxInFlight()
                        + " imports, as many as it takes at once; this one was not read. Retry after " + retryAfter + " s");
        router.route(API + "/*").order(ROUTE_ORDER).handler(this::admit);
    }

    private void admit(RoutingContext ctx) {
        boolean upload = ctx.request().method() == HttpMethod.POST && ctx.normalizedPath().startsWith(RequestBodyLimit.IMPORTS);
        Gate gate = upload ? imports : api;
        InFlightLimit.Permit permit = gate.limit.tryAcquire();
        if (permit == null) {
            gate.shed.increment();
            RoutedProblems.send(ctx, mapper, gate.problem);
            return;
        }
        // Called once the response is sent, or on a connection closed or failed before that.
        ctx.addEndHandler(ended -> permit.release());
        ctx.next();
    }

    /** Requests in flight under the limit of {@code /api/v1} (imports aside); for tests and the gauge. */
    int inFlight() {
        return api == null ? 0 : api.limit.inFlight();
    }

    int importsInFlight() {
        return imports == null ? 0 : imports.limit.inFlight();
    }

    private final class Gate {
        final InFlightLimit limit;
        final Counter shed;
        final HttpProblem problem;

        Gate(String name, int maxInFlight, long retryAfterSeconds, String detail) {
            this.limit = new InFlightLimit(maxInFlight);
            this.shed = Counter.builder(SHED).tag("limit", name)
                    .description("Requests answered 503 overloaded at once because the limit of requests in flight was reached")
                    .register(registry);
            Gauge.builder(IN_FLIGHT, limit, InFlightLimit::inFlight).tag("limit", name)
                    .description("Requests being served, out of the limit of requests in flight").register(registry);
            this.problem = Problems.unavailable("overloaded", detail, String.valueOf(retryAfterSeconds), null);
        }
    }
}
