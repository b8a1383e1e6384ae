package io.loyalty.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The programme metrics' SQL over the programme, membership and ledger tables (read-only, as metrics may).
 * A membership is active at instant t when it started before t and had not ended before t, so that members at
 * `to` = members at `from` + joins - leaves of [from, to) for memberships never reopened.
 */
@ApplicationScoped
public class ProgrammeMetricsQueries {
    private final AnalyticsDatabase analytics;

    ProgrammeMetricsQueries(AnalyticsDatabase analytics) {
        this.analytics = analytics;
    }

    public ProgrammeMetrics.Programme programme(UUID id) {
        return analytics.query(new Sql("SELECT name, kind, currency, point_value FROM programme WHERE id = ?", id),
                rs -> rs.next() ? new ProgrammeMetrics.Programme(id, rs.getString(1), rs.getString(2),
                        rs.getString(3).trim(), rs.getBigDecimal(4)) : null);
    }

    public record Memberships(long members, long joins, long leaves) {
    }

    public Memberships memberships(UUID programme, Scope p) {
        Sql sql = new Sql("SELECT count(*) FILTER (WHERE joined_at < ? AND (ended_at IS NULL OR ended_at >= ?)), "
                + "count(*) FILTER (WHERE joined_at >= ? AND joined_at < ?), "
                + "count(*) FILTER (WHERE ended_at >= ? AND ended_at < ?) FROM membership WHERE programme_id = ?",
                p.to(), p.to(), p.from(), p.to(), p.from(), p.to(), programme);
        return analytics.query(sql, rs -> {
            rs.next();
            return new Memberships(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        });
    }

    public record Ledger(ProgrammeMetrics.Points points, long outstanding, long owed) {
    }

    /**
     * The period's points by entry type, and the balances at `to`. A membership's balance at `to` is its stored
     * balance (which always equals its ledger) minus what its ledger moved since `to`, so this reads the entries of
     * the period and after it through the ledger's time index, never the programme's whole history.
     */
    public Ledger ledger(UUID programme, Scope p) {
        Sql sql = new Sql("WITH m AS MATERIALIZED (SELECT id, balance FROM membership WHERE programme_id = ?), "
                + "period AS (SELECT coalesce(sum(e.points) FILTER (WHERE e.type = 'EARN'), 0) AS issued, "
                + "coalesce(-sum(e.points) FILTER (WHERE e.type = 'REDEEM'), 0) AS redeemed, "
                + "coalesce(-sum(e.points) FILTER (WHERE e.type = 'EXPIRE'), 0) AS expired, "
                + "coalesce(-sum(e.points) FILTER (WHERE e.type = 'REVERSE'), 0) AS reversed, "
                + "coalesce(sum(e.points) FILTER (WHERE e.type = 'REFUND'), 0) AS refunded, "
                + "coalesce(sum(e.points) FILTER (WHERE e.type = 'ADJUST' AND e.points > 0), 0) AS up, "
                + "coalesce(-sum(e.points) FILTER (WHERE e.type = 'ADJUST' AND e.points < 0), 0) AS down "
                // the period's entries meet the programme's memberships in a hash join: joined to m, whose size the
                // planner cannot see, they were sorted for a merge join (4.0 s against 1.9 s on the 10M store)
                + "FROM ledger_entry e JOIN membership pm ON pm.id = e.membership_id AND pm.programme_id = ? "
                + "WHERE e.occurred_at >= ? AND e.occurred_at < ?), "
                + "later AS (SELECT e.membership_id, sum(e.points) AS moved FROM ledger_entry e JOIN m ON m.id = e.membership_id "
                + "WHERE e.occurred_at >= ? GROUP BY e.membership_id), "
                + "balances AS (SELECT coalesce(sum(greatest(m.balance - coalesce(l.moved, 0), 0)), 0) AS outstanding, "
                + "coalesce(sum(greatest(coalesce(l.moved, 0) - m.balance, 0)), 0) AS owed "
                + "FROM m LEFT JOIN later l ON l.membership_id = m.id) "
                + "SELECT issued, redeemed, expired, reversed, refunded, up, down, outstanding, owed FROM period, balances",
                programme, programme, p.from(), p.to(), p.to());
        return analytics.query(sql, rs -> {
            rs.next();
            return new Ledger(new ProgrammeMetrics.Points(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7)), rs.getLong(8), rs.getLong(9));
        });
    }

    /**
     * One group of customers: their RFM segment as of `from` (null: no counted order before `from`), whether they were
     * members at `from`, how many of them have a segment, their revenue in [from, to) with its least and greatest
     * currency, and the points they redeemed in the programme in [from, to).
     */
    public record SegmentRow(String segment, boolean member, long customers, BigDecimal revenue, long points,
                             String leastCurrency, String greatestCurrency) {
    }

    /**
     * Both RFM-based figures in one statement, so RFM as of `from` is computed once: members versus non-members
     * (revenue in [from, to) per segment and membership at `from`) and points redeemed in the period per segment
     * of the redeemer.
     */
    public List<SegmentRow> segments(UUID programme, Scope p) {
        return segments(programme, p, CustomerHistory.summarised(p));
    }

    /**
     * {@code summary}: RFM as of `from` and the period's revenue from the read model (the customer summary and each
     * order's place in its customer's history), without grouping the orders since `from`.
     * <p>
     * The scored customers meet the programme's side in one full join: k is every customer who was a member at
     * `from` or redeemed in the period, with the points redeemed. Joining the memberships and then the redeemers to
     * the scored customers separately built a hash of the 766,000 scored customers for the second join and read
     * them twice (7.3 s against 6.2 s for this statement on the 10M store).
     */
    List<SegmentRow> segments(UUID programme, Scope p, boolean summary) {
        Sql sql = new Sql("WITH k AS (SELECT m.customer_id, m.joined_at < ? AND (m.ended_at IS NULL OR m.ended_at >= ?) AS member, "
                + "r.points FROM membership m LEFT JOIN (SELECT e.membership_id, -sum(e.points) AS points FROM ledger_entry e "
                + "WHERE e.type = 'REDEEM' AND e.occurred_at >= ? AND e.occurred_at < ? GROUP BY e.membership_id) r "
                + "ON r.membership_id = m.id WHERE m.programme_id = ? "
                + "AND (m.joined_at < ? AND (m.ended_at IS NULL OR m.ended_at >= ?) OR r.points IS NOT NULL)) "
                + "SELECT s.segment, coalesce(k.member, false), count(s.customer_id), coalesce(sum(s.revenue), 0), "
                + "coalesce(sum(k.points), 0), min(s.rev_min), max(s.rev_max) FROM ",
                p.from(), p.from(), p.from(), p.to(), programme, p.from(), p.from());
        // s: the customers with a counted order before `from`, their segment then, and their revenue in [from, to)
        if (summary) {
            sql.append(RfmSql.scoredCustomers(p.from(), CustomerHistory.withRevenue(p), List.of("revenue", "rev_min", "rev_max")));
        } else {
            sql.append("(SELECT x.customer_id, x.segment, r.revenue, r.cur_min AS rev_min, r.cur_max AS rev_max FROM ")
                    .append(RfmSql.scoredCustomers(p.from(), CustomerHistory.grouped(p, p.from())))
                    .append(" x LEFT JOIN (SELECT o.customer_id, sum(o.net) AS revenue, min(o.currency) AS cur_min, "
                            + "max(o.currency) AS cur_max FROM (")
                    .append(OrderScope.countedOrders(p, p.from(), p.to()))
                    .append(") o GROUP BY o.customer_id) r ON r.customer_id = x.customer_id)");
        }
        sql.append(" s FULL JOIN k ON k.customer_id = s.customer_id GROUP BY 1, 2");
        if (summary) {
            // the history pass over every customer's summary row in parallel workers: the endpoint waits on this
            // statement (src/bench/README.md, "The programme comparison in parallel")
            sql.parallel();
        } else {
            sql.sortedGrouping();
        }
        return analytics.query(sql, rs -> {
            List<SegmentRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new SegmentRow(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7)));
            }
            return rows;
        });
    }
}
