-- Members versus non-members by RFM segment (METRICS.md "Programmes"): customers segmented by RFM as of `from`
-- (every order before `from`), members = membership active at `from`; revenue per customer in [from, to) within
-- each segment, and the value of points redeemed in the period per segment. Variables: programme, from, to.
WITH c AS (
  SELECT customer_id, extract(epoch FROM (:'from'::timestamptz - max(placed_at))) / 86400 AS r,
         count(*) AS f, sum(total - returned_amount) AS m
    FROM orders WHERE status <> 'RETURNED' AND placed_at < :'from' GROUP BY customer_id
), q AS (
  SELECT percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY r) AS qr,
         percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY f) AS qf,
         percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY m) AS qm
    FROM c
), scored AS (
  SELECT customer_id,
         6 - (1 + (r >= qr[1] + 1)::int + (r >= qr[2] + 1)::int + (r >= qr[3] + 1)::int + (r >= qr[4] + 1)::int) AS rs,
         1 + (f >= qf[1] + 1)::int + (f >= qf[2] + 1)::int + (f >= qf[3] + 1)::int + (f >= qf[4] + 1)::int AS fs,
         1 + (m >= qm[1] + 1)::int + (m >= qm[2] + 1)::int + (m >= qm[3] + 1)::int + (m >= qm[4] + 1)::int AS ms
    FROM c, q
), seg AS (
  SELECT customer_id, CASE
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
), member AS (
  SELECT customer_id, id AS membership_id FROM membership
   WHERE programme_id = :'programme' AND joined_at < :'from' AND (ended_at IS NULL OR ended_at >= :'from')
), spend AS (
  SELECT customer_id, sum(total - returned_amount) AS net FROM orders
   WHERE status <> 'RETURNED' AND placed_at >= :'from' AND placed_at < :'to' GROUP BY customer_id
), redeemed AS (
  SELECT m.customer_id, -sum(l.points) AS points FROM ledger_entry l JOIN membership m ON m.id = l.membership_id
   WHERE m.programme_id = :'programme' AND l.type = 'REDEEM' AND l.occurred_at >= :'from' AND l.occurred_at < :'to'
   GROUP BY m.customer_id
)
SELECT s.segment,
       count(mb.customer_id) AS members, coalesce(sum(sp.net) FILTER (WHERE mb.customer_id IS NOT NULL), 0) AS member_revenue,
       count(*) - count(mb.customer_id) AS non_members, coalesce(sum(sp.net) FILTER (WHERE mb.customer_id IS NULL), 0) AS non_member_revenue,
       coalesce(sum(rd.points), 0) AS points_redeemed
  FROM seg s LEFT JOIN member mb USING (customer_id) LEFT JOIN spend sp USING (customer_id)
       LEFT JOIN redeemed rd USING (customer_id)
 GROUP BY s.segment ORDER BY s.segment;
