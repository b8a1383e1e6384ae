-- Purchase behaviour in [from, to) (METRICS.md "Purchase behaviour"). Period figures read the period's orders
-- through the placed_at index; the lifetime figures (repeat purchase rate as of `to`, historical customer value)
-- are by definition over every order before `to`, so they read the whole history.
-- Variables: from, to.
WITH b AS (
  SELECT customer_id, count(*) AS n, sum(total - returned_amount) AS net
    FROM orders
   WHERE status <> 'RETURNED' AND placed_at >= :'from' AND placed_at < :'to'
   GROUP BY customer_id
), period AS (
  SELECT count(*) AS buyers, sum(n) AS orders, sum(net) AS net_revenue,
         count(*) FILTER (WHERE n >= 2) AS repeat_buyers,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = b.customer_id
                                          AND p.placed_at < :'from' AND p.status <> 'RETURNED')) AS returning_buyers
    FROM b
), lifetime AS (
  SELECT count(*) AS customers, count(*) FILTER (WHERE n >= 2) AS repeat_customers, sum(net) AS net_revenue
    FROM (SELECT customer_id, count(*) AS n, sum(total - returned_amount) AS net
            FROM orders WHERE status <> 'RETURNED' AND placed_at < :'to' GROUP BY customer_id) l
)
SELECT p.buyers, p.orders, p.net_revenue,
       round(p.orders::numeric / nullif(p.buyers, 0), 6) AS purchase_frequency,
       round(p.net_revenue / nullif(p.orders, 0), 4) AS aov,
       round(p.net_revenue / nullif(p.buyers, 0), 4) AS revenue_per_buyer,
       p.repeat_buyers, round(p.repeat_buyers::numeric / nullif(p.buyers, 0), 6) AS repeat_purchase_rate,
       l.repeat_customers, l.customers, round(l.repeat_customers::numeric / nullif(l.customers, 0), 6) AS repeat_rate_lifetime,
       p.returning_buyers, round(p.returning_buyers::numeric / nullif(p.buyers, 0), 6) AS returning_rate,
       round(l.net_revenue / nullif(l.customers, 0), 4) AS historical_customer_value
  FROM period p, lifetime l;
