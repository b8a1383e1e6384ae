package io.loyalty.order;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Set;
import java.util.stream.Collectors;

/** The same checks as POST /orders, without touching the database, so a bad order costs its batch nothing. */
@ApplicationScoped
class ImportOrderCheck {
    private final Validator validator;

    ImportOrderCheck(Validator validator) {
        this.validator = validator;
    }

    /** The record as it was if its order passes, else refused with the reason. */
    ImportRecord check(ImportRecord r) {
        if (r.isRefused()) {
            return r;
        }
        OrderRequest o = r.order();
        Set<ConstraintViolation<OrderRequest>> violations = validator.validate(o);
        if (!violations.isEmpty()) {
            return r.refused(violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        int named = (o.customerId() != null ? 1 : 0) + (o.customerExternalId() != null ? 1 : 0) + (o.customer() != null ? 1 : 0);
        if (named != 1) {
            return r.refused("exactly one of customerId, customerExternalId and customer is required");
        }
        try {
            OrderService.validateAmounts(o, o.placedAt().toInstant());
        } catch (HttpProblem p) {
            return r.refused(p.getDetail());
        }
        return r;
    }
}
