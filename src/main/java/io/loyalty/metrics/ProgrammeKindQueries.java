package io.loyalty.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What paid membership (kind 3) and coalition partners (kind 5) add to the programme metrics: read-only SQL over
 * membership_payment, member_status, partner, ledger_entry and ledger_allocation.
 */
@ApplicationScoped
public class ProgrammeKindQueries {
    private final AnalyticsDatabase analytics;

    ProgrammeKindQueries(AnalyticsDatabase analytics) {
        this.analytics = analytics;
    }

    /** The programme's fee currency, or null when it has no fee (then the payments' currency, if any were made). */
    public String feeCurrency(UUID programme) {
        return analytics.query(new Sql("SELECT coalesce(p.fee ->> 'currency', (SELECT min(mp.currency) FROM membership_payment mp "
                + "JOIN membership m ON m.id = mp.membership_id WHERE m.programme_id = p.id)) FROM programme p WHERE p.id = ?",
                programme), rs -> rs.next() && rs.getString(1) != null ? rs.getString(1).trim() : null);
    }

    /**
     * Payments and refunds made in the period, and the paid periods that ended in it. A payment's period ends at
     * covers_to (already moved back by a refund), or at the cancellation in effect when that comes first; a period
     * that ends where it starts (refunded before it began, or after the cancellation) never was. A period ending
     * at E is renewed when another one of the membership starts exactly at E, which only a payment made by E gives.
     */
    public ProgrammeMetrics.PaidMembership paid(UUID programme, String currency, Scope p) {
        Sql sql = new Sql("WITH pay AS MATERIALIZED (SELECT mp.membership_id, mp.amount, mp.currency, mp.paid_at, mp.covers_from, "
                + "mp.refunded_at, mp.refunded_amount, CASE WHEN s.cancel_at IS NULL THEN mp.covers_to "
                + "ELSE least(mp.covers_to, greatest(s.cancel_at, mp.covers_from)) END AS ends "
                + "FROM membership_payment mp JOIN membership m ON m.id = mp.membership_id "
                + "LEFT JOIN member_status s ON s.membership_id = mp.membership_id WHERE m.programme_id = ?), "
                + "c AS (SELECT * FROM pay WHERE ends > covers_from), "
                + "e AS (SELECT c.membership_id, EXISTS (SELECT 1 FROM c n WHERE n.membership_id = c.membership_id "
                + "AND n.covers_from = c.ends) AS renewed FROM c WHERE c.ends >= ? AND c.ends < ?), "
                + "t AS (SELECT DISTINCT membership_id FROM c WHERE covers_from < ? AND ends >= ?) "
                + "SELECT (SELECT count(*) FROM pay WHERE paid_at >= ? AND paid_at < ?), "
                + "(SELECT coalesce(sum(amount), 0) FROM pay WHERE paid_at >= ? AND paid_at < ? AND currency = ?), "
                + "(SELECT count(*) FROM pay WHERE refunded_at >= ? AND refunded_at < ?), "
                + "(SELECT coalesce(sum(refunded_amount), 0) FROM pay WHERE refunded_at >= ? AND refunded_at < ? AND currency = ?), "
                + "(SELECT count(*) FROM e), (SELECT count(*) FROM e WHERE renewed), "
                + "(SELECT count(DISTINCT membership_id) FROM e WHERE NOT renewed AND membership_id NOT IN (SELECT membership_id FROM t)), "
                + "(SELECT count(*) FROM t)",
                programme, p.from(), p.to(), p.to(), p.to(), p.from(), p.to(), p.from(), p.to(), currency,
                p.from(), p.to(), p.from(), p.to(), currency);
        return analytics.query(sql, rs -> {
            rs.next();
            BigDecimal paid = rs.getBigDecimal(2);
            BigDecimal refunded = rs.getBigDecimal(4);
            long ended = rs.getLong(5);
            long renewed = rs.getLong(6);
            return new ProgrammeMetrics.PaidMembership(currency, rs.getLong(1), paid, rs.getLong(3), refunded,
                    paid.subtract(refunded), Rate.of(renewed, ended), ended - renewed, rs.getLong(7), rs.getLong(8));
        });
    }

    /** The programme's partners by name; none: not a coalition. */
    public List<ProgrammeMetrics.PartnerPoints> partners(UUID programme) {
        return analytics.query(new Sql("SELECT id, name FROM partner WHERE programme_id = ? ORDER BY name, id", programme), rs -> {
            List<ProgrammeMetrics.PartnerPoints> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new ProgrammeMetrics.PartnerPoints(rs.getObject(1, UUID.class), rs.getString(2), 0, 0, 0, 0));
            }
            return list;
        });
    }

    /** The period's points per settling partner (key null: the operator), as [issued, reversed, redeemed, refunded]. */
    public Map<UUID, long[]> pointsByPartner(UUID programme, Scope p) {
        Sql sql = new Sql("SELECT e.partner_id, coalesce(sum(e.points) FILTER (WHERE e.type = 'EARN'), 0), "
                + "coalesce(-sum(e.points) FILTER (WHERE e.type = 'REVERSE'), 0), "
                + "coalesce(-sum(e.points) FILTER (WHERE e.type = 'REDEEM'), 0), "
                + "coalesce(sum(e.points) FILTER (WHERE e.type = 'REFUND'), 0) "
                + "FROM ledger_entry e JOIN membership m ON m.id = e.membership_id WHERE m.programme_id = ? "
                + "AND e.type IN ('EARN', 'REVERSE', 'REDEEM', 'REFUND') AND e.occurred_at >= ? AND e.occurred_at < ? "
                + "GROUP BY e.partner_id", programme, p.from(), p.to());
        return analytics.query(sql, rs -> {
            Map<UUID, long[]> map = new HashMap<>();
            while (rs.next()) {
                map.put(rs.getObject(1, UUID.class), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
            return map;
        });
    }

    /**
     * Points redeemed with partners in the period, traced through ledger_allocation to the lots they were drawn
     * from: [drawn from EARN lots, of which issued by someone other than the redeeming partner, drawn from other lots].
     */
    public long[] crossRedemption(UUID programme, Scope p) {
        Sql sql = new Sql("SELECT coalesce(sum(a.points) FILTER (WHERE l.type = 'EARN'), 0), "
                + "coalesce(sum(a.points) FILTER (WHERE l.type = 'EARN' AND l.partner_id IS DISTINCT FROM e.partner_id), 0), "
                + "coalesce(sum(a.points) FILTER (WHERE l.type <> 'EARN'), 0) "
                + "FROM ledger_entry e JOIN membership m ON m.id = e.membership_id "
                + "JOIN ledger_allocation a ON a.debit_entry_id = e.id JOIN ledger_entry l ON l.id = a.lot_entry_id "
                + "WHERE m.programme_id = ? AND e.type = 'REDEEM' AND e.partner_id IS NOT NULL "
                + "AND e.occurred_at >= ? AND e.occurred_at < ?", programme, p.from(), p.to());
        return analytics.query(sql, rs -> {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        });
    }
}
