package io.loyalty.common.error;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Factory for the problems this API raises itself. Each has a stable {@code type} URI that clients can
 * switch on; the mapped framework exceptions get one from {@link ProblemTypePostProcessor}.
 */
public final class Problems {
    public static final String TYPE_PREFIX = "urn:loyalty:problem:";
    /**
     * Priority of this project's exception mappers. quarkus-resteasy-problem registers its own at 999,
     * and where both map the same exception ours must win.
     */
    public static final int MAPPER_PRIORITY = 500;

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    public static HttpProblem notFound(String what, Object id) {
        return HttpProblem.builder()
                .withType(type("not-found"))
                .withStatus(Response.Status.NOT_FOUND)
                .withTitle("Not Found")
                .withDetail(what + " " + id + " does not exist")
                .build();
    }

    /** A 403 for what the caller's role may do in general but not with this data, e.g. another partner's. */
    public static HttpProblem forbidden(String detail) {
        return HttpProblem.builder()
                .withType(type("forbidden"))
                .withStatus(Response.Status.FORBIDDEN)
                .withTitle("Forbidden")
                .withDetail(detail)
                .build();
    }

    public static HttpProblem conflict(String slug, String detail) {
        return HttpProblem.builder()
                .withType(type(slug))
                .withStatus(Response.Status.CONFLICT)
                .withTitle("Conflict")
                .withDetail(detail)
                .build();
    }

    /** A 400 whose body has the same {@code violations} list as bean-validation failures. */
    public static HttpProblem invalidField(String field, String in, String message) {
        return invalid(List.of(new Problem.Violation(field, in, message)));
    }

    public static HttpProblem invalid(List<Problem.Violation> violations) {
        return HttpProblem.builder()
                .withType(type("validation"))
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(violations.stream().map(v -> v.field() + " " + v.message())
                        .collect(java.util.stream.Collectors.joining("; ")))
                .with("violations", violations.stream()
                        .map(Problems::violationBody)
                        .toList())
                .build();
    }

    /** Insertion-ordered so clients and logs see field, in, message in the documented order. */
    private static Map<String, String> violationBody(Problem.Violation v) {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("field", v.field());
        body.put("in", v.in());
        body.put("message", v.message());
        return body;
    }

    public static HttpProblem invalidParameter(String parameter, String message) {
        return invalidField(parameter, "query", message);
    }

    /**
     * For exception mappers of our own: the extension's post-processing only runs for problems it maps
     * itself, so the {@code instance} is set here.
     */
    public static jakarta.ws.rs.core.Response respond(HttpProblem problem, jakarta.ws.rs.core.UriInfo uriInfo) {
        return HttpProblem.builder(problem).withInstance(instance(uriInfo.getPath())).build().toResponse();
    }

    /**
     * The request path as a URI reference. The path arrives decoded, so it may hold characters a URI
     * cannot (a space, {@code <}, a NUL): those are quoted again rather than failing the error response.
     */
    public static URI instance(String path) {
        try {
            return new URI(null, null, path, null);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The exception and its causes, outermost first; at most 20, as a chain of causes may loop. */
    public static java.util.stream.Stream<Throwable> causes(Throwable e) {
        return java.util.stream.Stream.iterate(e, java.util.Objects::nonNull,
                t -> t.getCause() == t ? null : t.getCause()).limit(20);
    }

    /**
     * A 503: the request changed nothing and can be sent again after {@code retryAfter} seconds; {@code slug} says
     * why it could not be served now.
     */
    public static HttpProblem unavailable(String slug, String detail, String retryAfter, URI instance) {
        return HttpProblem.builder()
                .withType(type(slug))
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle("Service Unavailable")
                .withDetail(detail)
                .withInstance(instance)
                .withHeader("Retry-After", retryAfter)
                .build();
    }

    /** The name of the database constraint behind an exception, if one is. */
    public static java.util.Optional<String> violatedConstraint(Throwable e) {
        return causes(e)
                .filter(t -> t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null)
                .map(t -> ((org.hibernate.exception.ConstraintViolationException) t).getConstraintName()
                        .toLowerCase(java.util.Locale.ROOT))
                .findFirst();
    }

    public static HttpProblem badRequest(String detail) {
        return HttpProblem.builder()
                .withType(type("bad-request"))
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(detail)
                .build();
    }

    /** A well-formed request the current state of things does not allow (422), e.g. too few points. */
    public static HttpProblem unprocessable(String slug, String detail) {
        return HttpProblem.builder()
                .withType(type(slug))
                .withStatus(422)
                .withTitle("Unprocessable Content")
                .withDetail(detail)
                .build();
    }

    /** A 401 with the challenge that tells the client how to authenticate. */
    public static HttpProblem unauthorized(String detail, String challenge) {
        return HttpProblem.builder()
                .withType(type("unauthorized"))
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail(detail)
                .withHeader("WWW-Authenticate", challenge)
                .build();
    }

    /**
     * A problem for a status the framework decided (404, 405, 415, ...), keeping its headers. It has no type
     * yet: {@link ProblemTypePostProcessor} gives it the one of its status.
     */
    public static HttpProblem ofStatus(Response.StatusType status, String detail, Map<String, String> headers) {
        HttpProblem.Builder problem = HttpProblem.builder()
                .withStatus(status)
                .withTitle(status.getReasonPhrase())
                .withDetail(detail);
        headers.forEach(problem::withHeader);
        return problem.build();
    }
}
