-- Cohort retention matrix, monthly, in time zone `zone` (METRICS.md "Cohort retention matrix"): per cohort (month
-- of the first counted order) and bucket, the customers with an order in the bucket and their net revenue;
-- cohorts and buckets limited to [from, to). A customer with a counted order before `from` belongs to an earlier
-- cohort: one index probe per customer of the period. Variables: from, to, zone.
WITH cm AS (
  SELECT customer_id, date_trunc('month', placed_at AT TIME ZONE :'zone') AS bucket, sum(total - returned_amount) AS net
    FROM orders
   WHERE status <> 'RETURNED' AND placed_at >= :'from' AND placed_at < :'to'
   GROUP BY 1, 2
), cust AS (
  SELECT customer_id, min(bucket) AS cohort
    FROM cm
   GROUP BY customer_id
  HAVING NOT EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = cm.customer_id AND p.placed_at < :'from'
                        AND p.status <> 'RETURNED')
)
SELECT to_char(cohort, 'YYYY-MM') AS cohort, to_char(bucket, 'YYYY-MM') AS bucket, count(*) AS customers, sum(net) AS net
  FROM cm JOIN cust USING (customer_id)
 GROUP BY cohort, bucket
 ORDER BY cohort, bucket;
