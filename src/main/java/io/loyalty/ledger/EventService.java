package io.loyalty.ledger;

import io.loyalty.common.Idempotency;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerLookup;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Points for things customers do besides ordering (signing up, a birthday, completing a profile). */
@ApplicationScoped
@Transactional
public class EventService {

    private final CustomerLookup customers;
    private final EarningService earning;
    private final Idempotency idempotency;

    EventService(CustomerLookup customers, EarningService earning, Idempotency idempotency) {
        this.customers = customers;
        this.earning = earning;
        this.idempotency = idempotency;
    }

    public Idempotency.Outcome<EventResponse> record(UUID customerId, EventRequest request, String key, Caller caller) {
        customers.requireNotErased(customerId);
        Instant at = request.occurredAt() == null ? Timestamps.now() : request.occurredAt().toInstant();
        if (at.isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
            throw Problems.invalidField("occurredAt", "body", "must not be in the future");
        }
        return idempotency.once(caller.apiKeyId(), "event:" + customerId, key, request, EventResponse.class,
                () -> award(customerId, request.name(), at, caller));
    }

    private EventResponse award(UUID customerId, String name, Instant at, Caller caller) {
        List<EventResponse.Award> awards = new ArrayList<>();
        for (EarningService.ProgrammeEarning p : earning.forEvent(customerId, name, at, caller.apiKeyId())) {
            for (EarningService.RuleEarning r : p.rules()) {
                awards.add(new EventResponse.Award(p.programme().id, r.rule().id(), r.amount(), r.capped(), r.balance()));
            }
        }
        return new EventResponse(name, customerId, at, awards);
    }
}
