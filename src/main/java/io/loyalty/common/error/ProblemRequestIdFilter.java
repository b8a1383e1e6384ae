package io.loyalty.common.error;

import io.loyalty.common.RequestIds;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Adds the request id to every problem body, whichever mapper wrote it (the extension's post-processors
 * do not see the problems our own mappers build), so a client quoting a problem quotes its log lines too.
 */
public class ProblemRequestIdFilter {

    @ServerResponseFilter
    public void addRequestId(ContainerResponseContext response) {
        if (response.getEntity() instanceof HttpProblem problem && !problem.getParameters().containsKey(RequestIds.MDC_KEY)) {
            String id = RequestIds.current();
            if (id != null) {
                response.setEntity(HttpProblem.builder(problem).with(RequestIds.MDC_KEY, id).build());
            }
        }
    }
}
