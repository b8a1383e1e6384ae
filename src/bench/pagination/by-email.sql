-- What GET /api/v1/customers?email= runs (case-insensitive).
\set n random(1, 10000000)
SELECT id, external_id, email FROM customer WHERE lower(email) = lower('BENCH' || :n || '@EXAMPLE.COM') ORDER BY id LIMIT 51;
