package io.loyalty.common.error;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;

/**
 * Reading a streamed body fails with an I/O exception when the client hangs up mid-upload. That is the
 * client's doing, not a server error: it is logged at DEBUG, not as a 500 with a stack trace that would
 * page someone. Any other I/O failure is still a logged 500.
 */
public class ClientDisconnectMapper {
    private static final Logger LOG = Logger.getLogger(ClientDisconnectMapper.class);

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response map(IOException exception, UriInfo uriInfo) {
        return respond(exception, uriInfo);
    }

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response map(UncheckedIOException exception, UriInfo uriInfo) {
        return respond(exception, uriInfo);
    }

    private static Response respond(Exception exception, UriInfo uriInfo) {
        if (isClientDisconnect(exception)) {
            LOG.debugf("The client closed the connection during %s: %s", uriInfo.getPath(), exception.getMessage());
            // Nobody reads this answer; it only ends the request.
            return Problems.respond(Problems.badRequest("The connection was closed before the request was complete"),
                    uriInfo);
        }
        LOG.error("Unexpected I/O failure", exception);
        return Problems.respond(HttpProblem.builder()
                .withType(Problems.type("internal-error"))
                .withStatus(Response.Status.INTERNAL_SERVER_ERROR)
                .withTitle("Internal Server Error")
                .build(), uriInfo);
    }

    static boolean isClientDisconnect(Throwable e) {
        return Problems.causes(e).anyMatch(t -> t instanceof HttpClosedException || t instanceof ClosedChannelException);
    }
}
