package io.loyalty.common.error;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Gives every problem a {@code type} (and a 403 its missing detail): the ones the framework maps (validation, malformed JSON, 401,
 * 403, 404, 405, 415, 500) get a type derived from their status, so clients can always switch on it.
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
        if (problem.getType() != null) {
            return problem;
        }
        if (problem.getStatusCode() == 403 && problem.getDetail() == null) {
            problem = HttpProblem.builder(problem)
                    .withDetail("The role of this API key does not allow this operation").build();
        }
        String slug = problem.getParameters().containsKey("violations")
                ? "validation"
                : SLUGS.getOrDefault(problem.getStatusCode(), "http-" + problem.getStatusCode());
        return HttpProblem.builder(problem).withType(Problems.type(slug)).build();
    }

    @Override
    public int priority() {
        return 10;
    }
}
