package io.loyalty.ledger;

import io.loyalty.common.Timestamps;
import io.loyalty.common.error.Problem;
import io.loyalty.programme.EarningRule;
import io.loyalty.programme.Membership;
import io.loyalty.programme.Programme;
import io.loyalty.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/customers/{id}/loyalty")
@Tag(name = "Points")
@Produces(MediaType.APPLICATION_JSON)
public class LoyaltyResource {

    private final PointsService points;
    private final EntityManager em;

    LoyaltyResource(PointsService points, EntityManager em) {
        this.points = points;
        this.em = em;
    }

    @GET
    @RolesAllowed({Role.Names.ADMIN, Role.Names.STOREFRONT, Role.Names.ANALYST})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getLoyaltyAccount", summary = "Get a customer's loyalty account",
            description = "One call for an account page: per programme the points balances, what expires soon, the stamps on "
                    + "each current card and the rewards earned but not yet used.")
    @APIResponse(responseCode = "200", description = "The account.")
    @APIResponse(responseCode = "404", description = "No such customer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public LoyaltySummary get(@PathParam("id") UUID customerId) {
        Instant now = Timestamps.now();
        List<LoyaltySummary.ProgrammeSummary> programmes = new ArrayList<>();
        for (BalanceResponse balance : points.balances(customerId, null)) {
            Programme p = Programme.findById(balance.programmeId());
            Membership m = Membership.find("programmeId = ?1 and customerId = ?2", p.id, customerId).firstResult();
            List<LoyaltySummary.StampCard> cards = new ArrayList<>();
            List<LoyaltySummary.Entitlement> entitlements = new ArrayList<>();
            for (EarningRule rule : p.rules) {
                if (rule.type() != EarningRule.Type.STAMP) {
                    continue;
                }
                Object[] card = m == null ? null : (Object[]) em.createNativeQuery(
                                "SELECT stamps, completed, debt FROM stamp_card WHERE membership_id = :m AND rule_id = :r")
                        .setParameter("m", m.id).setParameter("r", rule.id())
                        .getResultStream().findFirst().orElse(null);
                cards.add(new LoyaltySummary.StampCard(rule.id(), rule.name(),
                        card == null ? 0 : ((Number) card[0]).intValue(), rule.stampsRequired(),
                        card == null ? 0 : ((Number) card[1]).intValue(), rule.reward(),
                        card == null ? 0 : ((Number) card[2]).intValue()));
            }
            if (m != null) {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("""
                                SELECT id, rule_id, reward, order_id, created_at FROM entitlement
                                WHERE membership_id = :m AND status = 'AVAILABLE' ORDER BY id""")
                        .setParameter("m", m.id).getResultList();
                for (Object[] r : rows) {
                    entitlements.add(new LoyaltySummary.Entitlement((UUID) r[0], (String) r[1], (String) r[2],
                            (UUID) r[3], toInstant(r[4])));
                }
            }
            programmes.add(new LoyaltySummary.ProgrammeSummary(p.id, p.name, balance, cards, entitlements));
        }
        return new LoyaltySummary(customerId, programmes, now);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
