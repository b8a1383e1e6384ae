package io.loyalty.reward;

import io.loyalty.common.Keyset;
import io.loyalty.common.Page;
import io.loyalty.common.PageRequest;
import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problems;
import io.loyalty.security.Caller;
import io.loyalty.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Finding redemptions: one by id, or a page by code, customer and status (how checkout validates a code). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RedemptionQueries {
    private final EntityManager em;

    RedemptionQueries(EntityManager em) {
        this.em = em;
    }

    public RedemptionResponse get(UUID id, Caller caller) {
        Redemption x = Redemption.findById(id);
        if (x == null || !RedemptionViews.visibleTo(x, caller)) {
            throw Problems.notFound("Redemption", id);
        }
        return RedemptionViews.describe(x, Timestamps.now());
    }

    /**
     * Redemptions by code (case-insensitive), customer and status; PARTNER keys see only their own.
     * A page costs four queries whatever its size.
     */
    public Page<RedemptionResponse> list(String code, UUID customerId, RedemptionStatus status, PageRequest page,
                                         Caller caller) {
        Keyset where = Keyset.where()
                .and("upper(code) = upper(:code)", "code", code == null || code.isBlank() ? null : code.strip())
                .and("customer_id = :customer", "customer", customerId)
                .and("status = :status", "status", status == null ? null : status.name());
        if (caller.role() == Role.PARTNER) {
            // A PARTNER key sees only its own partner's redemptions; one without a partner sees none.
            where = caller.partnerId() == null ? where.and("false") : where.and("partner_id = :partner", "partner", caller.partnerId());
        }
        List<Redemption> rows = where.fetchNative(em, "SELECT * FROM redemption", Redemption.class, page);
        List<Redemption> shown = rows.size() > page.limit() ? rows.subList(0, page.limit()) : rows;
        Map<UUID, RedemptionResponse> described = new HashMap<>();
        List<RedemptionResponse> responses = RedemptionViews.describeAll(shown, Timestamps.now());
        for (int i = 0; i < shown.size(); i++) {
            described.put(shown.get(i).id, responses.get(i));
        }
        return Page.of(rows, page.limit(), x -> x.id, x -> described.get(x.id));
    }
}
