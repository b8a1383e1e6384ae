package io.loyalty.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.common.Timestamps;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.order.OrderFacts;
import io.loyalty.order.OrderImportService;
import io.loyalty.order.OrderService;
import io.loyalty.order.RecordImport;
import io.loyalty.security.Caller;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Historic feedback on the order import's job model, stored through {@link FeedbackService#importOne} (so no
 * incident is opened for history) in transactions of {@value #BATCH} rows: a bad row is rejected with its
 * line and the import goes on.
 */
@ApplicationScoped
class FeedbackImport implements RecordImport {
    private static final Logger LOG = Logger.getLogger(FeedbackImport.class);
    /** Rows per transaction. */
    static final int BATCH = 200;

    private enum Outcome { IMPORTED, DUPLICATE, REJECTED }

    private record Result(long line, Outcome outcome, String reason) {
    }

    private final FeedbackService feedback;
    private final CustomerLookup customers;
    private final OrderService orders;
    private final Validator validator;
    private final ObjectMapper mapper;

    FeedbackImport(FeedbackService feedback, CustomerLookup customers, OrderService orders, Validator validator,
                   ObjectMapper mapper) {
        this.feedback = feedback;
        this.customers = customers;
        this.orders = orders;
        this.validator = validator;
        this.mapper = mapper;
    }

    @Override
    public String kind() {
        return "FEEDBACK";
    }

    @Override
    public void run(UUID jobId, InputStream upload, OrderImportService.Format format, Caller caller, Outcomes outcomes)
            throws IOException {
        FeedbackImportReader rows = FeedbackImportReader.of(format, upload, mapper);
        List<FeedbackImportRow> batch = new ArrayList<>(BATCH);
        try {
            for (FeedbackImportRow row = rows.next(); row != null; row = rows.next()) {
                if (row.isUnreadable()) {
                    outcomes.rejected(row.line(), row.problem());
                    continue;
                }
                batch.add(row);
                if (batch.size() == BATCH) {
                    write(batch, caller, jobId, outcomes);
                    batch.clear();
                }
            }
        } catch (IOException e) {
            // The file stopped being readable: what was read before that point is imported, as with orders.
            write(batch, caller, jobId, outcomes);
            throw e;
        }
        write(batch, caller, jobId, outcomes);
    }

    /**
     * Writes a batch in one transaction: a commit per row would cost most of the time. Each row is checked
     * before it is stored, so a bad row only rejects itself; should a row still fail when stored (another
     * upload took its externalId meanwhile), the batch is rolled back and written again row by row.
     */
    private void write(List<FeedbackImportRow> batch, Caller caller, UUID jobId, Outcomes outcomes) {
        if (batch.isEmpty()) {
            return;
        }
        List<Result> results;
        try {
            results = QuarkusTransaction.requiringNew().call(() -> batch.stream().map(r -> importRow(r, caller, jobId)).toList());
        } catch (RuntimeException e) {
            results = batch.stream().map(r -> alone(r, caller, jobId)).toList();
        }
        for (Result r : results) {
            switch (r.outcome()) {
                case IMPORTED -> outcomes.imported();
                case DUPLICATE -> outcomes.duplicate();
                case REJECTED -> outcomes.rejected(r.line(), r.reason());
            }
        }
    }

    private Result alone(FeedbackImportRow row, Caller caller, UUID jobId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> importRow(row, caller, jobId));
        } catch (HttpProblem p) {
            return p.getStatusCode() == 409 ? new Result(row.line(), Outcome.DUPLICATE, null)
                    : new Result(row.line(), Outcome.REJECTED, p.getDetail());
        } catch (RuntimeException e) {
            // What the checks did not foresee (a date the database cannot hold): this row's fault, not the job's.
            LOG.infof("Import %s: line %d could not be stored: %s", jobId, row.line(), e);
            return new Result(row.line(), Outcome.REJECTED, "could not be stored (is every value within range?)");
        }
    }

    /** Stores the row if it passes every check of POST /feedback; rejects it, without throwing, if not. */
    private Result importRow(FeedbackImportRow row, Caller caller, UUID jobId) {
        FeedbackRequest resolved;
        try {
            resolved = resolve(row, caller);
        } catch (HttpProblem p) {
            return new Result(row.line(), Outcome.REJECTED, p.getDetail());
        }
        if (resolved.externalId() != null && Feedback.count("externalId", resolved.externalId()) > 0) {
            return new Result(row.line(), Outcome.DUPLICATE, null);
        }
        feedback.importOne(resolved, caller, jobId);
        return new Result(row.line(), Outcome.IMPORTED, null);
    }

    /** The request with its customer and order ids, checked; throws the reason it is rejected. */
    private FeedbackRequest resolve(FeedbackImportRow row, Caller caller) {
        FeedbackRequest r = row.request();
        UUID customerId = customer(row);
        UUID orderId = r.orderId();
        if (row.orderExternalId() != null && orderId != null) {
            throw rejected("give orderId or orderExternalId, not both");
        }
        String orderName = orderId != null ? orderId.toString() : row.orderExternalId();
        if (orderName != null) {
            OrderFacts order = (orderId != null ? orders.facts(orderId)
                    : orders.factsByExternalId(caller.apiKeyId(), row.orderExternalId()))
                    .orElseThrow(() -> rejected("order '" + orderName + "' does not exist"));
            if (!order.customerId().equals(customerId)) {
                throw rejected("order '" + orderName + "' belongs to another customer");
            }
            orderId = order.id();
        }
        FeedbackRequest resolved = new FeedbackRequest(r.externalId(), customerId, orderId, r.type(), r.score(),
                r.comment(), r.published(), r.channel(), r.givenAt());
        Set<ConstraintViolation<FeedbackRequest>> violations = validator.validate(resolved);
        if (!violations.isEmpty()) {
            throw rejected(violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        Instant now = Timestamps.now();
        FeedbackService.validate(resolved, r.givenAt() == null ? now : r.givenAt().toInstant(), now);
        return resolved;
    }

    /** The customer the row names in exactly one way; the row is rejected if it names none, or one that does not exist. */
    private UUID customer(FeedbackImportRow row) {
        UUID id = row.request().customerId();
        int named = (id != null ? 1 : 0) + (row.customerExternalId() != null ? 1 : 0) + (row.customerEmail() != null ? 1 : 0);
        if (named != 1) {
            throw rejected("exactly one of customerId, customerExternalId and customerEmail is required");
        }
        if (id != null) {
            switch (customers.standingForWriting(id)) {
                case UNKNOWN -> throw rejected("customer " + id + " does not exist");
                case ERASED -> throw rejected("customer " + id + " was erased");
                case CURRENT -> { }
            }
            return id;
        }
        Optional<UUID> found = row.customerExternalId() != null
                ? customers.idByExternalId(row.customerExternalId()) : customers.idByEmail(row.customerEmail());
        return found.orElseThrow(() -> rejected("customer '" + (row.customerExternalId() != null
                ? row.customerExternalId() : row.customerEmail()) + "' does not exist"));
    }

    private static HttpProblem rejected(String detail) {
        return HttpProblem.builder().withStatus(422).withDetail(detail).build();
    }
}
