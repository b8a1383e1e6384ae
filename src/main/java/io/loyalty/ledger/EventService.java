package io.loyalty.ledger;

import io.loyalty.common.Idempotency;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.customer.CustomerService;
import io.loyalty.programme.Accrual;
import io.loyalty.programme.EarningRule;
import io.loyalty.programme.MembershipService;
import io.loyalty.programme.RuleState;
import io.loyalty.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Points for things customers do besides ordering (signing up, a birthday, completing a profile). */
@ApplicationScoped
@Transactional
public class EventService {

    private final CustomerService customers;
    private final MembershipService memberships;
    private final RuleState ruleState;
    private final Ledger ledger;
    private final Idempotency idempotency;

    EventService(CustomerService customers, MembershipService memberships, RuleState ruleState, Ledger ledger,
                 Idempotency idempotency) {
        this.customers = customers;
        this.memberships = memberships;
        this.ruleState = ruleState;
        this.ledger = ledger;
        this.idempotency = idempotency;
    }

    public Idempotency.Outcome<EventResponse> record(UUID customerId, EventRequest request, String key, Caller caller) {
        if (!customers.exists(customerId)) {
            throw Problems.notFound("Customer", customerId);
        }
        Instant at = request.occurredAt() == null ? Timestamps.now() : request.occurredAt().toInstant();
        if (at.isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
            throw Problems.invalidField("occurredAt", "body", "must not be in the future");
        }
        return idempotency.once(caller.apiKeyId(), "event:" + customerId, key, request, EventResponse.class,
                () -> award(customerId, request.name(), at, caller));
    }

    private EventResponse award(UUID customerId, String name, Instant at, Caller caller) {
        List<MembershipService.Account> accounts = memberships.earningAccounts(customerId, at).stream()
                .filter(a -> a.programme().rules.stream().anyMatch(r -> r.type() == EarningRule.Type.EVENT && name.equals(r.event())))
                .toList();
        List<UUID> ids = accounts.stream().map(a -> a.membership().id).toList();
        Set<String> periods = new HashSet<>(Set.of("EVER"));
        for (var a : accounts) {
            LocalDate day = at.atZone(a.programme().zone()).toLocalDate();
            periods.add(Accrual.dayKey(day));
            periods.add(Accrual.monthKey(day));
        }
        Map<UUID, Map<String, Long>> usage = ruleState.usage(ids, periods);
        List<EventResponse.Award> awards = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        for (var a : accounts) {
            var p = a.programme();
            var m = a.membership();
            LocalDate day = at.atZone(p.zone()).toLocalDate();
            for (Accrual.Award award : Accrual.forEvent(p, name, at, usage.getOrDefault(m.id, Map.of()))) {
                EarningRule rule = award.rule();
                if (award.amount() > 0) {
                    ledger.credit(m, EntryType.EARN, award.amount(), at, p.expiry.expiresAt(at, p.zone()),
                            Ledger.Source.of(caller.apiKeyId(), at).rule(rule.id(), null).because("event " + name));
                    writes.add(() -> {
                        ruleState.addUsage(m.id, rule.id(), "EVER", 1);
                        ruleState.addUsage(m.id, rule.id(), Accrual.dayKey(day), award.amount());
                        ruleState.addUsage(m.id, rule.id(), Accrual.monthKey(day), award.amount());
                    });
                }
                awards.add(new EventResponse.Award(p.id, rule.id(), award.amount(), award.capped(), m.balance));
            }
        }
        writes.forEach(Runnable::run);
        return new EventResponse(name, customerId, at, awards);
    }
}
