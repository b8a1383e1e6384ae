package io.loyalty.ledger;

import io.loyalty.programme.EarningRule;
import io.loyalty.programme.Programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A programme as a partner with its own earn rate sees it: the programme's SPEND rules give way to one SPEND
 * rule at the partner's rate (id {@value #RULE_ID}, no cap, no minimum); multipliers, stamps and events stay.
 * A detached copy that is never persisted: the programme itself is not touched.
 */
final class PartnerRate {
    static final String RULE_ID = "partner-rate";

    private PartnerRate() {
    }

    static Programme of(Programme p, BigDecimal earnRate) {
        Programme copy = new Programme();
        copy.id = p.id;
        copy.name = p.name;
        copy.kind = p.kind;
        copy.status = p.status;
        copy.currency = p.currency;
        copy.pointValue = p.pointValue;
        copy.enrolment = p.enrolment;
        copy.timezone = p.timezone;
        copy.pendingDays = p.pendingDays;
        copy.expiry = p.expiry;
        copy.createdAt = p.createdAt;
        copy.updatedAt = p.updatedAt;
        List<EarningRule> rules = new ArrayList<>();
        rules.add(new EarningRule(RULE_ID, EarningRule.Type.SPEND, "partner earn rate", null, null, null, null, earnRate,
                null, null, null, null, null, null, null, null, null, null, null));
        p.rules.stream().filter(r -> r.type() != EarningRule.Type.SPEND).forEach(rules::add);
        copy.rules = rules;
        return copy;
    }
}
