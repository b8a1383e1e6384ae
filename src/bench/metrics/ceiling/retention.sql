-- Retention and churn for [from, to) with activity window W (METRICS.md "Activity, retention and churn").
-- Counted orders: not fully returned. Reads only the orders of (from - W, to] through the placed_at index, plus,
-- for each buyer of the period, one index probe for an earlier order (is the first order in the period?).
-- Variables: from, to, window.
WITH per AS (
  SELECT customer_id,
         bool_or(placed_at <= :'from') AS s,                                          -- an order in (from - W, from]
         bool_or(placed_at < :'from') AS before,
         bool_or(placed_at > :'to'::timestamptz - :'window'::interval) AS e,            -- an order in (to - W, to]
         bool_or(placed_at >= :'from' AND placed_at < :'to') AS buyer
    FROM orders
   WHERE status <> 'RETURNED'
     AND placed_at > least(:'from'::timestamptz, :'to'::timestamptz) - :'window'::interval
     AND placed_at <= :'to'
   GROUP BY customer_id
), flagged AS MATERIALIZED (
  SELECT s, e, buyer,
         CASE WHEN buyer AND NOT before THEN NOT EXISTS (
              SELECT 1 FROM orders p WHERE p.customer_id = per.customer_id AND p.placed_at < :'from'
                 AND p.status <> 'RETURNED') ELSE false END AS n
    FROM per
)
SELECT count(*) FILTER (WHERE s) AS active_at_from,
       count(*) FILTER (WHERE e) AS active_at_to,
       count(*) FILTER (WHERE n) AS new_customers,
       count(*) FILTER (WHERE s AND e) AS retained,
       count(*) FILTER (WHERE s AND NOT e) AS churned,
       round(count(*) FILTER (WHERE s AND e)::numeric / nullif(count(*) FILTER (WHERE s), 0), 6) AS retention_rate,
       count(*) FILTER (WHERE e) - count(*) FILTER (WHERE n AND e) AS crr_numerator,
       round((count(*) FILTER (WHERE e) - count(*) FILTER (WHERE n AND e))::numeric
             / nullif(count(*) FILTER (WHERE s), 0), 6) AS crr,
       count(*) FILTER (WHERE e AND NOT s AND NOT n) AS reactivated,
       count(*) FILTER (WHERE s AND buyer) AS repeat_buyers
  FROM flagged;
