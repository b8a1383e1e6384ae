package io.loyalty.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.customer.CustomerService;
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

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Historic feedback on the order import's job model. Each row is stored in a transaction of its own through
 * {@link FeedbackService#importOne} (so no incident is opened for history): a bad row is rejected with its
 * line and the import goes on.
 */
@ApplicationScoped
class FeedbackImport implements RecordImport {
    private enum Outcome { IMPORTED, DUPLICATE }

    private final FeedbackService feedback;
    private final CustomerService customers;
    private final OrderService orders;
    private final Validator validator;
    private final ObjectMapper mapper;

    FeedbackImport(FeedbackService feedback, CustomerService customers, OrderService orders, Validator validator,
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
    public void run(UUID jobId, InputStream upload, OrderImportService.Format format, Caller caller, Outcomes outcomes) throws IOException {
        FeedbackImportReader rows = FeedbackImportReader.of(format, upload, mapper);
        for (FeedbackImportRow row = rows.next(); row != null; row = rows.next()) {
            if (row.isUnreadable()) {
                outcomes.rejected(row.line(), row.problem());
                continue;
            }
            FeedbackImportRow r = row;
            try {
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> importRow(r, caller, jobId));
                if (outcome == Outcome.IMPORTED) {
                    outcomes.imported();
                } else {
                    outcomes.duplicate();
                }
            } catch (HttpProblem p) {
                if (p.getStatusCode() == 409) {
                    outcomes.duplicate(); // another upload took the externalId between the check and the insert
                } else {
                    outcomes.rejected(row.line(), p.getDetail());
                }
            }
        }
    }

    private Outcome importRow(FeedbackImportRow row, Caller caller, UUID jobId) {
        FeedbackRequest r = row.request();
        UUID customerId = customer(row);
        UUID orderId = r.orderId();
        if (row.orderExternalId() != null) {
            if (orderId != null) {
                throw rejected("give orderId or orderExternalId, not both");
            }
            OrderFacts order = orders.factsByExternalId(caller.apiKeyId(), row.orderExternalId())
                    .orElseThrow(() -> rejected("order '" + row.orderExternalId() + "' does not exist"));
            if (!order.customerId().equals(customerId)) {
                throw rejected("order '" + row.orderExternalId() + "' belongs to another customer");
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
        if (r.externalId() != null && Feedback.count("externalId", r.externalId()) > 0) {
            return Outcome.DUPLICATE;
        }
        feedback.importOne(resolved, caller, jobId);
        return Outcome.IMPORTED;
    }

    /** The customer the row names in exactly one way; the row is rejected if it names none, or one that does not exist. */
    private UUID customer(FeedbackImportRow row) {
        UUID id = row.request().customerId();
        int named = (id != null ? 1 : 0) + (row.customerExternalId() != null ? 1 : 0) + (row.customerEmail() != null ? 1 : 0);
        if (named != 1) {
            throw rejected("exactly one of customerId, customerExternalId and customerEmail is required");
        }
        if (id != null) {
            return id; // importOne says when it does not exist
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
