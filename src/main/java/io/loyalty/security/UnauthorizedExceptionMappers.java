package io.loyalty.security;

import io.loyalty.common.error.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 problems for a missing or unknown API key, 429 for a client over its rate limit. quarkus-resteasy-problem 3.21.0 has mappers for these
 * too, but they fail against Quarkus 3.34's security API (NoSuchFieldError on ChallengeData), so these
 * take precedence.
 */
public class UnauthorizedExceptionMappers {

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response unauthorized(UnauthorizedException exception, UriInfo uriInfo) {
        return problem(uriInfo, "An API key is required in the " + ApiKeyAuthenticationMechanism.HEADER + " header");
    }

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response authenticationFailed(AuthenticationFailedException exception, UriInfo uriInfo) {
        return problem(uriInfo, "The API key is unknown or has been revoked");
    }

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response rateLimited(RateLimitedException exception, UriInfo uriInfo) {
        return Problems.respond(HttpProblem.builder()
                .withType(Problems.type("rate-limited"))
                .withStatus(Response.Status.TOO_MANY_REQUESTS)
                .withTitle("Too Many Requests")
                .withDetail(exception.getMessage())
                .withHeader("Retry-After", exception.retryAfterSeconds())
                .build(), uriInfo);
    }

    private static Response problem(UriInfo uriInfo, String detail) {
        return Problems.respond(Problems.unauthorized(detail,
                "ApiKey header=\"" + ApiKeyAuthenticationMechanism.HEADER + "\""), uriInfo);
    }
}
