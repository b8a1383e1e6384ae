-- What GET /api/v1/customers?after=<cursor> runs, with the cursor anywhere in the two years of ids.
\set offset_ms random(0, 63072000000)
SELECT id, external_id, email, first_name, last_name, phone, birth_date, marketing_consent, created_at, updated_at
FROM customer
-- The subquery runs once (bench_uuid7 is volatile); the application binds the cursor as a literal.
WHERE id > (SELECT bench_uuid7(now() - interval '730 days' + :offset_ms * interval '1 millisecond'))
ORDER BY id LIMIT 51;
