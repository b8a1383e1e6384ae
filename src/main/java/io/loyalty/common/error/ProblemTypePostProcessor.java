package io.loyalty.common.error;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Gives every problem a {@code type} and a {@code detail}: the ones the framework maps (validation, malformed JSON,
 * 401, 403, 404, 405, 415, 500) get a type derived from their status, so clients can always switch on it, and a
 * detail (a bean-validation problem's summarises its violations) so that every problem says what went wrong.
 */
@ApplicationScoped
public class ProblemTypePostProcessor implements ProblemPostProcessor {

    private static final Map<Integer, String> SLUGS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "unprocessable"),
            Map.entry(500, "internal-error"),
            Map.entry(503, "unavailable"));

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        return withType(problem);
    }

    static HttpProblem withType(HttpProblem problem) {
        if (problem.getDetail() == null || problem.getDetail().isBlank()) {
            problem = HttpProblem.builder(problem).withDetail(defaultDetail(problem)).build();
        }
        if (problem.getType() != null) {
            return problem;
        }
        String slug = problem.getParameters().containsKey("violations")
                ? "validation"
                : SLUGS.getOrDefault(problem.getStatusCode(), "http-" + problem.getStatusCode());
        return HttpProblem.builder(problem).withType(Problems.type(slug)).build();
    }

    private static String defaultDetail(HttpProblem problem) {
        Object violations = problem.getParameters().get("violations");
        if (violations instanceof Iterable<?> list && list.iterator().hasNext()) {
            StringBuilder detail = new StringBuilder();
            for (Object v : list) {
                detail.append(detail.length() == 0 ? "" : "; ").append(describe(v));
            }
            return detail.toString();
        }
        return switch (problem.getStatusCode()) {
            case 403 -> "The role of this API key does not allow this operation";
            case 404 -> "There is no resource at this path";
            case 405 -> "This resource does not support the request's method";
            case 406 -> "This resource cannot answer in any of the media types the Accept header asks for";
            case 415 -> "This resource does not accept a body of this Content-Type";
            default -> problem.getTitle() != null ? problem.getTitle() : "HTTP " + problem.getStatusCode();
        };
    }

    /** A violation as "field message", whether the extension's own or one of {@link Problems#invalid}. */
    private static String describe(Object violation) {
        if (violation instanceof io.quarkiverse.resteasy.problem.validation.Violation v) {
            return (v.field == null || v.field.isEmpty() ? "" : v.field + " ") + v.message;
        }
        if (violation instanceof java.util.Map<?, ?> m) {
            return m.get("field") + " " + m.get("message");
        }
        return String.valueOf(violation);
    }

    @Override
    public int priority() {
        return 10;
    }
}
