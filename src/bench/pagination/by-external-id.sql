-- What GET /api/v1/customers?externalId= runs.
\set n random(1, 10000000)
SELECT id, external_id, email FROM customer WHERE external_id = 'bench-' || :n ORDER BY id LIMIT 51;
