-- RFM segments as of `asOf`, as rfm.sql computes them, but each customer's history read from the metrics read model
-- (metrics_customer, V19): one row per customer; a customer with orders since asOf (none when asOf is after the
-- last order) is grouped from their orders before it. The ceiling of the endpoint as it now works. Variables: asOf.
WITH c AS (
  SELECT customer_id, extract(epoch FROM (:'asOf'::timestamptz - last_at)) / 86400 AS r, orders AS f, net AS m
    FROM metrics_customer
   WHERE last_at < :'asOf'
  UNION ALL
  SELECT o.customer_id, extract(epoch FROM (:'asOf'::timestamptz - max(o.placed_at))) / 86400, count(*),
         sum(o.total - o.returned_amount)
    FROM metrics_customer s JOIN orders o ON o.customer_id = s.customer_id
   WHERE s.last_at >= :'asOf' AND s.first_at < :'asOf' AND o.status <> 'RETURNED' AND o.placed_at < :'asOf'
   GROUP BY o.customer_id
), q AS (
  SELECT percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY r) AS qr,
         percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY f) AS qf,
         percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY m) AS qm
    FROM c
), scored AS (
  SELECT c.*,
         6 - (1 + (r >= qr[1] + 1)::int + (r >= qr[2] + 1)::int + (r >= qr[3] + 1)::int + (r >= qr[4] + 1)::int) AS rs,
         1 + (f >= qf[1] + 1)::int + (f >= qf[2] + 1)::int + (f >= qf[3] + 1)::int + (f >= qf[4] + 1)::int AS fs,
         1 + (m >= qm[1] + 1)::int + (m >= qm[2] + 1)::int + (m >= qm[3] + 1)::int + (m >= qm[4] + 1)::int AS ms
    FROM c, q
), segmented AS (
  SELECT *, CASE
      WHEN rs BETWEEN 4 AND 5 AND fs BETWEEN 4 AND 5 AND ms BETWEEN 4 AND 5 THEN 'Champions'
      WHEN rs BETWEEN 2 AND 5 AND fs BETWEEN 3 AND 5 AND ms BETWEEN 3 AND 5 THEN 'Loyal Customers'
      WHEN rs BETWEEN 3 AND 5 AND fs BETWEEN 1 AND 3 AND ms BETWEEN 1 AND 3 THEN 'Potential Loyalist'
      WHEN rs BETWEEN 4 AND 5 AND fs = 1 AND ms = 1 THEN 'New Customers'
      WHEN rs BETWEEN 3 AND 4 AND fs = 1 AND ms = 1 THEN 'Promising'
      WHEN rs BETWEEN 2 AND 3 AND fs BETWEEN 2 AND 3 AND ms BETWEEN 2 AND 3 THEN 'Need Attention'
      WHEN rs BETWEEN 2 AND 3 AND fs BETWEEN 1 AND 2 AND ms BETWEEN 1 AND 2 THEN 'About To Sleep'
      WHEN rs BETWEEN 1 AND 2 AND fs BETWEEN 2 AND 5 AND ms BETWEEN 2 AND 5 THEN 'At Risk'
      WHEN rs = 1 AND fs BETWEEN 4 AND 5 AND ms BETWEEN 4 AND 5 THEN 'Can''t Lose Them'
      WHEN rs BETWEEN 1 AND 2 AND fs BETWEEN 1 AND 2 AND ms BETWEEN 1 AND 2 THEN 'Lost'
      ELSE 'Others' END AS segment
    FROM scored
)
SELECT segment, count(*) AS customers, sum(f) AS orders, sum(m) AS revenue
  FROM segmented GROUP BY segment ORDER BY segment;
