-- Purchase behaviour in [from, to), the figures of purchases.sql, read as the endpoint now reads them: per customer
-- from the metrics read model (metrics_customer, V19: first, second, latest but one and last counted order, net),
-- the period's order count and revenue from the period's orders without grouping, and the customers with orders
-- since `to` (none when `to` is after the last order) looked up one by one. Variables: from, to.
WITH b AS (
  SELECT count(*) FILTER (WHERE last_at >= :'from' AND last_at < :'to') AS buyers,
         count(*) FILTER (WHERE last_at < :'to' AND before_last_at >= :'from') AS repeat_buyers,
         count(*) FILTER (WHERE first_at >= :'from' AND first_at < :'to') AS first_orders,
         count(*) FILTER (WHERE first_at < :'to') AS customers,
         count(*) FILTER (WHERE second_at < :'to') AS repeat_customers,
         sum(net) AS net
    FROM metrics_customer
), o AS (
  SELECT count(*) AS orders, sum(total - returned_amount) AS net_revenue
    FROM orders WHERE status <> 'RETURNED' AND placed_at >= :'from' AND placed_at < :'to'
), later AS (
  SELECT customer_id, sum(total - returned_amount) AS net
    FROM orders WHERE status <> 'RETURNED' AND placed_at >= :'to' GROUP BY customer_id
), l AS (
  SELECT count(*) FILTER (WHERE n >= 1) AS buyers, count(*) FILTER (WHERE n >= 2) AS repeat_buyers
    FROM later CROSS JOIN LATERAL (SELECT count(*) AS n FROM (SELECT 1 FROM orders p WHERE p.customer_id = later.customer_id
         AND p.status <> 'RETURNED' AND p.placed_at >= :'from' AND p.placed_at < :'to' LIMIT 2) y) x
)
SELECT b.buyers + l.buyers AS buyers, o.orders, o.net_revenue,
       round(o.orders::numeric / nullif(b.buyers + l.buyers, 0), 6) AS purchase_frequency,
       round(o.net_revenue / nullif(o.orders, 0), 4) AS aov,
       round(o.net_revenue / nullif(b.buyers + l.buyers, 0), 4) AS revenue_per_buyer,
       b.repeat_buyers + l.repeat_buyers AS repeat_buyers,
       round((b.repeat_buyers + l.repeat_buyers)::numeric / nullif(b.buyers + l.buyers, 0), 6) AS repeat_purchase_rate,
       b.repeat_customers, b.customers, round(b.repeat_customers::numeric / nullif(b.customers, 0), 6) AS repeat_rate_lifetime,
       b.buyers + l.buyers - b.first_orders AS returning_buyers,
       round((b.buyers + l.buyers - b.first_orders)::numeric / nullif(b.buyers + l.buyers, 0), 6) AS returning_rate,
       round((b.net - coalesce((SELECT sum(net) FROM later), 0)) / nullif(b.customers, 0), 4) AS historical_customer_value
  FROM b, o, l;
