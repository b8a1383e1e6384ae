-- The period part of purchases.sql alone (buyers, orders, revenue, repeat and returning buyers): what grows with
-- the period asked for. Variables: from, to.
WITH b AS (
  SELECT customer_id, count(*) AS n, sum(total - returned_amount) AS net
    FROM orders
   WHERE status <> 'RETURNED' AND placed_at >= :'from' AND placed_at < :'to'
   GROUP BY customer_id
)
SELECT count(*) AS buyers, sum(n) AS orders, sum(net) AS net_revenue, count(*) FILTER (WHERE n >= 2) AS repeat_buyers,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = b.customer_id
                                        AND p.placed_at < :'from' AND p.status <> 'RETURNED')) AS returning_buyers
  FROM b;
