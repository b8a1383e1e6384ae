-- Retention series: retention.sql's figures for each step of [from, to) (interval P1M), in one statement
-- (generate_series and a lateral subquery per step). Variables: from, to, window.
SELECT step AS step_from, x.*
  FROM generate_series(:'from'::timestamptz, :'to'::timestamptz - interval '1 month', interval '1 month') AS step,
  LATERAL (
    WITH per AS (
      SELECT customer_id,
             bool_or(placed_at <= step) AS s,
             bool_or(placed_at < step) AS before,
             bool_or(placed_at > step + interval '1 month' - :'window'::interval) AS e,
             bool_or(placed_at >= step AND placed_at < step + interval '1 month') AS buyer
        FROM orders
       WHERE status <> 'RETURNED' AND placed_at > step - :'window'::interval AND placed_at <= step + interval '1 month'
       GROUP BY customer_id
    ), flagged AS MATERIALIZED (
      SELECT s, e, buyer,
             CASE WHEN buyer AND NOT before THEN NOT EXISTS (
                  SELECT 1 FROM orders p WHERE p.customer_id = per.customer_id AND p.placed_at < step
                     AND p.status <> 'RETURNED') ELSE false END AS n
        FROM per
    )
    SELECT count(*) FILTER (WHERE s) AS active_at_from, count(*) FILTER (WHERE e) AS active_at_to,
           count(*) FILTER (WHERE n) AS new_customers, count(*) FILTER (WHERE s AND e) AS retained,
           count(*) FILTER (WHERE s AND NOT e) AS churned, count(*) FILTER (WHERE n AND e) AS new_and_active,
           count(*) FILTER (WHERE e AND NOT s AND NOT n) AS reactivated, count(*) FILTER (WHERE s AND buyer) AS repeat_buyers
      FROM flagged) x
 ORDER BY step;
