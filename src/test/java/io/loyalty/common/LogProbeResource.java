package io.loyalty.common;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/** Test-only endpoints that log, on the worker thread as application code does, and fail unexpectedly. */
@Path("/test-probe")
@PermitAll
public class LogProbeResource {
    private static final Logger LOG = Logger.getLogger(LogProbeResource.class);

    @GET
    @Path("log")
    @Operation(hidden = true)
    public String log() {
        LOG.info("probe: on the worker thread");
        return "logged";
    }

    @GET
    @Path("fail")
    @Operation(hidden = true)
    public String fail() {
        LOG.info("probe: about to fail");
        throw new IllegalStateException("probe failure");
    }
}
