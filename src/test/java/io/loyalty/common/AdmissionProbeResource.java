package io.loyalty.common;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test-only endpoints under /api/v1 that hold a worker thread until the test lets them go, or fail. */
@Path("/api/v1/test-admission")
@PermitAll
public class AdmissionProbeResource {
    /** Requests that entered {@code hold/{name}}, and the latch that lets them answer. */
    record Hold(CountDownLatch entered, CountDownLatch release) {
    }

    private static final Map<String, Hold> HOLDS = new ConcurrentHashMap<>();

    static Hold prepare(String name, int requests) {
        Hold hold = new Hold(new CountDownLatch(requests), new CountDownLatch(1));
        HOLDS.put(name, hold);
        return hold;
    }

    @GET
    @Path("hold/{name}")
    @Operation(hidden = true)
    public String hold(@PathParam("name") String name) throws InterruptedException {
        Hold hold = HOLDS.get(name);
        hold.entered().countDown();
        return hold.release().await(30, TimeUnit.SECONDS) ? "released" : "timed out";
    }

    @GET
    @Path("fail")
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("admission probe failure");
    }
}
