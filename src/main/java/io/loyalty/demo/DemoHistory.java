package io.loyalty.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.demo.DemoCrowd.Refund;
import io.loyalty.demo.DemoCrowd.Shopper;
import io.loyalty.demo.DemoCrowd.Visit;
import io.loyalty.order.ImportJobResponse;
import io.loyalty.order.OrderImportService;
import io.loyalty.order.OrderRequest;
import io.loyalty.order.OrderService;
import io.loyalty.order.ReturnRequest;
import io.loyalty.order.ReturnService;
import io.loyalty.programme.MembershipService;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the simulated visits. Those before the programmes' launch are the shop's earlier history: one bulk
 * import (the batch writer, a few statements per thousand orders), which also creates their customers. Those
 * since the launch go through the normal order path, so that they earn points and stamps exactly as live orders
 * do, and some are returned through the return service. Each customer's orders go in time order (stamps, caps
 * and the card membership depend on it); customers are independent of each other, so a few are posted side by
 * side. Posting one by one is what dev-mode start waits for, hence only the last nine months go that way.
 */
@ApplicationScoped
class DemoHistory {
    private static final int THREADS = 4;

    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(5);

    private final OrderService orders;
    private final ReturnService returns;
    private final MembershipService memberships;
    private final OrderImportService imports;
    private final ObjectMapper mapper;

    DemoHistory(OrderService orders, ReturnService returns, MembershipService memberships, OrderImportService imports,
                ObjectMapper mapper) {
        this.orders = orders;
        this.returns = returns;
        this.memberships = memberships;
        this.imports = imports;
        this.mapper = mapper;
    }

    /** Imports the visits before {@code launch} (their customers exist); waits for the job. @return orders imported */
    long importBefore(Instant launch, List<Shopper> shoppers, Caller caller) {
        StringBuilder ndjson = new StringBuilder();
        for (Shopper s : shoppers) {
            List<Visit> visits = s.visits();
            for (int i = 0; i < visits.size() && visits.get(i).placedAt().toInstant().isBefore(launch); i++) {
                ndjson.append(json(new OrderRequest(externalId(s, i), null, s.customer().externalId(), null, visits.get(i).placedAt(),
                        "INR", visits.get(i).lines(), BigDecimal.ZERO, visits.get(i).shipping(), visits.get(i).total(), false,
                        visits.get(i).channel()))).append('\n');
            }
        }
        ImportJobResponse job = imports.submit(new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)),
                OrderImportService.Format.NDJSON, caller);
        for (long deadline = System.nanoTime() + IMPORT_TIMEOUT.toNanos(); ; ) {
            job = imports.get(job.id());
            if (job.status().equals("COMPLETED") && job.rejected() == 0) {
                return job.imported();
            }
            if (!job.status().equals("QUEUED") && !job.status().equals("RUNNING") || System.nanoTime() > deadline) {
                throw new IllegalStateException("The demo history import did not complete: " + job);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("demo history import interrupted", e);
            }
        }
    }

    private String json(OrderRequest order) {
        try {
            return mapper.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String externalId(Shopper s, int visit) {
        return s.customer().externalId() + "-" + (visit + 1);
    }

    /** What was posted: orders, and returns in part and in full. */
    record Counts(int orders, int partialReturns, int fullReturns) {
        Counts plus(Counts o) {
            return new Counts(orders + o.orders, partialReturns + o.partialReturns, fullReturns + o.fullReturns);
        }
    }

    /**
     * Posts every shopper's visits from {@code launch} on; a shopper whose customer does not exist ({@code ids}
     * lacks it) is skipped.
     */
    Counts postSince(Instant launch, List<Shopper> shoppers, Map<String, UUID> ids, UUID card, Caller caller) {
        List<Callable<Counts>> tasks = new ArrayList<>();
        for (Shopper s : shoppers) {
            UUID id = ids.get(s.customer().externalId());
            if (id != null) {
                tasks.add(() -> post(s, launch, id, card, caller));
            }
        }
        return inParallel(tasks).stream().reduce(new Counts(0, 0, 0), Counts::plus);
    }

    /** Runs independent tasks (each its own transactions) on a few threads; the results in order. */
    static <T> List<T> inParallel(List<Callable<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "demo-data");
            t.setDaemon(true);
            return t;
        });
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo data interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Counts post(Shopper s, Instant launch, UUID customerId, UUID card, Caller caller) {
        int posted = 0;
        int partial = 0;
        int full = 0;
        boolean enrolled = false;
        List<Visit> visits = s.visits();
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            if (v.placedAt().toInstant().isBefore(launch)) {
                continue;
            }
            posted++;
            if (!enrolled && s.joinsCard() != null && !v.placedAt().isBefore(s.joinsCard())) {
                memberships.enrol(card, customerId, s.joinsCard().toInstant());
                enrolled = true;
            }
            String externalId = externalId(s, i);
            UUID orderId = orders.post(new OrderRequest(externalId, customerId, null, null, v.placedAt(), "INR", v.lines(),
                    BigDecimal.ZERO, v.shipping(), v.total(), true, v.channel()), caller).order().id();
            if (v.refund() != Refund.NONE) {
                returns.returnItems(orderId, refund(v), "demo-return-" + externalId, caller);
                if (v.refund() == Refund.FULL) {
                    full++;
                } else {
                    partial++;
                }
            }
        }
        return new Counts(posted, partial, full);
    }

    /** All of it back, or one unit of the last line (the visit has more than one unit, so some stays). */
    private static ReturnRequest refund(Visit v) {
        List<OrderRequest.Line> lines = v.lines();
        if (v.refund() == Refund.FULL) {
            List<ReturnRequest.Line> all = new ArrayList<>();
            for (int n = 0; n < lines.size(); n++) {
                all.add(new ReturnRequest.Line(n + 1, null, lines.get(n).quantity()));
            }
            return new ReturnRequest(all, null, "Changed their mind");
        }
        return new ReturnRequest(List.of(new ReturnRequest.Line(lines.size(), null, 1)), null, "One item was cold");
    }
}
