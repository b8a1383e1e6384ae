package io.loyalty.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The feedback figures of ../METRICS.md ("Feedback"), in read-only SQL over the feedback, incident and referral
 * tables. The channel filter is the feedback's channel (an incident counts with the feedback that opened it).
 */
@ApplicationScoped
public class FeedbackMetricsService {
    private final AnalyticsDatabase db;

    FeedbackMetricsService(AnalyticsDatabase db) {
        this.db = db;
    }

    public FeedbackMetrics metrics(Scope s) {
        return new FeedbackMetrics(s.inputs(), nps(s), List.of(satisfaction(s, "CSAT"), satisfaction(s, "REVIEW")),
                incidents(s), referrals(s));
    }

    private static Sql feedbackFilter(Scope s, String alias) {
        Sql sql = new Sql("");
        if (s.channel() != null) {
            sql.append(" AND " + alias + ".channel = ?", s.channel());
        }
        if (s.partnerId() != null) {
            sql.append(" AND " + alias + ".partner_id = ?", s.partnerId());
        }
        return sql;
    }

    private FeedbackMetrics.Nps nps(Scope s) {
        Sql sql = new Sql("""
                SELECT count(*), count(*) FILTER (WHERE f.score >= 9), count(*) FILTER (WHERE f.score BETWEEN 7 AND 8),
                       count(*) FILTER (WHERE f.score <= 6)
                FROM feedback f WHERE f.type = 'NPS' AND f.given_at >= ? AND f.given_at < ?""", s.from(), s.to())
                .append(feedbackFilter(s, "f"));
        return db.query(sql, rs -> {
            rs.next();
            long n = rs.getLong(1);
            long promoters = rs.getLong(2);
            long detractors = rs.getLong(4);
            BigDecimal score = n == 0 ? null : BigDecimal.valueOf((promoters - detractors) * 100)
                    .divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_EVEN);
            return new FeedbackMetrics.Nps(n, promoters, rs.getLong(3), detractors, score, Rate.of(promoters, n),
                    Rate.of(detractors, n));
        });
    }

    private FeedbackMetrics.Satisfaction satisfaction(Scope s, String type) {
        Sql sql = new Sql("""
                SELECT count(*), sum(f.score), count(*) FILTER (WHERE f.score >= 4)
                FROM feedback f WHERE f.type = ? AND f.given_at >= ? AND f.given_at < ?""", type, s.from(), s.to())
                .append(feedbackFilter(s, "f"));
        return db.query(sql, rs -> {
            rs.next();
            long n = rs.getLong(1);
            BigDecimal mean = n == 0 ? null : BigDecimal.valueOf(rs.getLong(2))
                    .divide(BigDecimal.valueOf(n), Rate.SCALE, RoundingMode.HALF_EVEN);
            return new FeedbackMetrics.Satisfaction(type, n, mean, Rate.of(rs.getLong(3), n));
        });
    }

    private FeedbackMetrics.Incidents incidents(Scope s) {
        Sql sql = new Sql("""
                SELECT count(*) FILTER (WHERE i.opened_at >= ? AND i.opened_at < ?),
                       count(*) FILTER (WHERE i.resolved_at >= ? AND i.resolved_at < ?),
                       count(*) FILTER (WHERE i.resolved_at >= ? AND i.resolved_at < ?
                                        AND (i.compensation_points IS NOT NULL OR i.compensation_reward_id IS NOT NULL)),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.resolved_at - i.opened_at))
                           FILTER (WHERE i.resolved_at >= ? AND i.resolved_at < ?)
                FROM incident i JOIN feedback f ON f.id = i.feedback_id
                WHERE ((i.opened_at >= ? AND i.opened_at < ?) OR (i.resolved_at >= ? AND i.resolved_at < ?))""",
                s.from(), s.to(), s.from(), s.to(), s.from(), s.to(), s.from(), s.to(), s.from(), s.to(), s.from(), s.to())
                .append(feedbackFilter(s, "f"));
        return db.query(sql, rs -> {
            rs.next();
            long resolved = rs.getLong(2);
            double seconds = rs.getDouble(4);
            BigDecimal hours = rs.wasNull() ? null : BigDecimal.valueOf(seconds)
                    .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_EVEN);
            return new FeedbackMetrics.Incidents(rs.getLong(1), resolved, hours, Rate.of(rs.getLong(3), resolved));
        });
    }

    private FeedbackMetrics.Referrals referrals(Scope s) {
        Sql sql = new Sql("""
                SELECT count(*) FILTER (WHERE created_at >= ? AND created_at < ?),
                       count(*) FILTER (WHERE status = 'CONVERTED' AND settled_at >= ? AND settled_at < ?)
                FROM referral WHERE (created_at >= ? AND created_at < ?) OR (settled_at >= ? AND settled_at < ?)""",
                s.from(), s.to(), s.from(), s.to(), s.from(), s.to(), s.from(), s.to());
        return db.query(sql, rs -> {
            rs.next();
            return new FeedbackMetrics.Referrals(rs.getLong(1), rs.getLong(2));
        });
    }
}
