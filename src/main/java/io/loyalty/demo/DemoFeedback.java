package io.loyalty.demo;

import io.loyalty.customer.CustomerRequest;
import io.loyalty.customer.CustomerService;
import io.loyalty.feedback.Feedback;
import io.loyalty.feedback.FeedbackRequest;
import io.loyalty.feedback.FeedbackResponse;
import io.loyalty.feedback.FeedbackService;
import io.loyalty.feedback.FeedbackType;
import io.loyalty.feedback.IncidentService;
import io.loyalty.feedback.ResolveRequest;
import io.loyalty.referral.ReferralBonusRule;
import io.loyalty.referral.ReferralBonusRuleRequest;
import io.loyalty.referral.ReferralService;
import io.loyalty.security.ApiKeyRequest;
import io.loyalty.security.ApiKeyService;
import io.loyalty.security.Caller;
import io.loyalty.security.CreatedApiKey;
import io.loyalty.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * What customers said: feedback of every type from the named customers, survey history across the crowd (for the
 * feedback metrics), one complaint left open (Rohan: his loyalty page shows promotions suppressed), one resolved
 * with compensation points, and a referral chain: Asha referred a friend, who referred another.
 */
@ApplicationScoped
public class DemoFeedback {
    static final String REFERRED_1 = "referred-0001";
    static final String REFERRED_2 = "referred-0002";

    private final FeedbackService feedback;
    private final IncidentService incidents;
    private final ReferralService referrals;
    private final CustomerService customers;
    private final ApiKeyService keys;

    DemoFeedback(FeedbackService feedback, IncidentService incidents, ReferralService referrals,
                 CustomerService customers, ApiKeyService keys) {
        this.feedback = feedback;
        this.incidents = incidents;
        this.referrals = referrals;
        this.customers = customers;
        this.keys = keys;
    }

    void seed(Map<String, UUID> ids, UUID pointsProgramme, Instant now) {
        if (QuarkusTransaction.requiringNew().call(() -> Feedback.count()) > 0) {
            return;
        }
        CreatedApiKey key = keys.create(new ApiKeyRequest("Demo customer service", Role.ADMIN, null));
        Caller caller = new Caller(key.id(), key.name(), key.role(), null);
        UUID asha = ids.get("demo-0001");
        UUID rohan = ids.get("demo-0002");
        UUID meera = ids.get("demo-0003");
        UUID vikram = ids.get("demo-0004");
        give(caller, asha, FeedbackType.NPS, 10, null, false, now.minus(20, ChronoUnit.DAYS));
        give(caller, asha, FeedbackType.REVIEW, 5, "Best masala chai in town", true, now.minus(18, ChronoUnit.DAYS));
        give(caller, asha, FeedbackType.COMPLIMENT, null, "Priya at the counter remembered my order", false,
                now.minus(10, ChronoUnit.DAYS));
        give(caller, meera, FeedbackType.CSAT, 4, null, false, now.minus(9, ChronoUnit.DAYS));
        give(caller, meera, FeedbackType.SUGGESTION, null, "Open at 7 on weekdays for the office crowd", false,
                now.minus(8, ChronoUnit.DAYS));
        give(caller, vikram, FeedbackType.COMPETITOR_INFO, null, "The cafe across the road gives a free samosa with "
                + "every third chai", false, now.minus(7, ChronoUnit.DAYS));
        FeedbackResponse low = give(caller, vikram, FeedbackType.CSAT, 2, "Waited 25 minutes", false,
                now.minus(5, ChronoUnit.DAYS));
        incidents.resolve(low.incidentId(), new ResolveRequest("Apologised; the new till is faster",
                new ResolveRequest.Compensation(pointsProgramme, 150L, null)), caller);
        give(caller, rohan, FeedbackType.COMPLAINT, null, "My delivery arrived cold and an hour late", false,
                now.minus(1, ChronoUnit.DAYS));
        surveys(caller, ids, now);
        referralChain(asha, pointsProgramme);
    }

    /** Quarterly NPS and CSAT answers of part of the crowd, imported as history (no incidents: it is the past). */
    private void surveys(Caller caller, Map<String, UUID> ids, Instant now) {
        Random random = new Random(DemoSeeder.SEED);
        List<UUID> crowd = ids.entrySet().stream().filter(e -> e.getKey().compareTo("demo-0005") > 0)
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID customer : crowd) {
                if (random.nextInt(3) != 0) {
                    continue;
                }
                Instant at = now.minus(1 + random.nextInt(300), ChronoUnit.DAYS);
                // Most customers are satisfied; a tail is not.
                int nps = Math.min(10, Math.max(0, 8 + (int) Math.round(random.nextGaussian() * 2)));
                int csat = Math.min(5, Math.max(1, 4 + (int) Math.round(random.nextGaussian())));
                feedback.importOne(request(customer, FeedbackType.NPS, nps, null, false, at, "email"), caller, null);
                feedback.importOne(request(customer, FeedbackType.CSAT, csat, null, false, at, "app"), caller, null);
            }
        });
    }

    private void referralChain(UUID asha, UUID pointsProgramme) {
        referrals.setRule(pointsProgramme, new ReferralBonusRuleRequest(200L, 100L, null, 5, ReferralBonusRule.CapPeriod.MONTH));
        String ashasCode = referrals.code(asha).code();
        UUID first = customers.create(new CustomerRequest(REFERRED_1, "kavya.rao@example.com", "Kavya", "Rao", null,
                null, true, ashasCode)).id();
        customers.create(new CustomerRequest(REFERRED_2, "arjun.nair@example.com", "Arjun", "Nair", null, null, false,
                referrals.code(first).code()));
    }

    private FeedbackResponse give(Caller caller, UUID customer, FeedbackType type, Integer score, String comment,
                                  boolean published, Instant at) {
        return feedback.create(request(customer, type, score, comment, published, at, "app"), caller);
    }

    private static FeedbackRequest request(UUID customer, FeedbackType type, Integer score, String comment,
                                           boolean published, Instant at, String channel) {
        return new FeedbackRequest(null, customer, null, type, score, comment, published, channel,
                at.atOffset(ZoneOffset.UTC));
    }
}
