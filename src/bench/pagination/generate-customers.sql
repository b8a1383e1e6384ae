-- Data generator: :rows customers with time-ordered (UUIDv7-shaped) ids, unique externalIds and
-- emails, spread over the last two years. Run against a migrated database:
--   psql -h localhost -U postgres -d loyalty_bench -v rows=10000000 -f generate-customers.sql
\set ON_ERROR_STOP on
CREATE OR REPLACE FUNCTION bench_uuid7(ts timestamptz) RETURNS uuid LANGUAGE sql AS $$
  SELECT encode(overlay(uuid_send(gen_random_uuid())
                placing substring(int8send((extract(epoch FROM ts) * 1000)::bigint) FROM 3)
                FROM 1 FOR 6), 'hex')::uuid
$$;

ALTER TABLE customer SET (autovacuum_enabled = false);
INSERT INTO customer (id, external_id, email, first_name, last_name, marketing_consent, created_at, updated_at)
SELECT bench_uuid7(ts), 'bench-' || n, 'bench' || n || '@example.com', 'First' || (n % 1000), 'Last' || (n % 977),
       n % 3 = 0, ts, ts
FROM (SELECT n, now() - interval '730 days' + (n * (interval '730 days' / :rows)) AS ts
      FROM generate_series(1, :rows) AS n) AS g;
ALTER TABLE customer SET (autovacuum_enabled = true);
VACUUM ANALYZE customer;
