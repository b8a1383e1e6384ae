-- What GET /api/v1/customers (no cursor, limit 50) runs.
SELECT id, external_id, email, first_name, last_name, phone, birth_date, marketing_consent, created_at, updated_at
FROM customer ORDER BY id LIMIT 51;
