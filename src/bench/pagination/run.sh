#!/usr/bin/env bash
# Pagination at scale: loads ROWS customers (default 10 million) into a database of its own, then
#   1. pgbench runs the list/look-up SQL directly (the ceiling), and
#   2. wrk drives GET /api/v1/customers?after=<random cursor> through the packaged application.
# Usage (from the repository root, after ./mvnw package):  src/bench/pagination/run.sh [ROWS]
# Needs pgbench (PostgreSQL client) and wrk (apt-get install wrk). Only talks to localhost.
set -euo pipefail
ROWS=${1:-10000000}
DB=loyalty_bench
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PSQL="psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q"
export API_KEY=bench-admin-key-0123456789
PORT=8091
# Health is on the management interface; rate limits are off: the bench drives one key at full speed.
MPORT=9091

start_app() {
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MPORT LOYALTY_RATE_LIMIT_ENABLED=false \
    LOYALTY_ADMIN_API_KEY=$API_KEY java -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > /tmp/bench-app.log 2>&1 &
  APP=$!
  for _ in $(seq 1 60); do curl -sf localhost:$MPORT/q/health/ready > /dev/null && return; sleep 1; done
  echo "application did not become ready; see /tmp/bench-app.log" >&2; exit 1
}

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
start_app; kill $APP; wait $APP 2>/dev/null || true     # the application migrates the schema

echo "== generating $ROWS customers"
time $PSQL -d $DB -v rows="$ROWS" -f "$HERE/generate-customers.sql"
$PSQL -d $DB -Atc "SELECT 'rows: ' || count(*) || ', table+indexes: ' || pg_size_pretty(pg_total_relation_size('customer')) FROM customer"

for script in first-page deep-page by-external-id by-email; do
  echo "== pgbench $script (2 clients, 20 s)"
  pgbench -h localhost -U postgres -n -c 2 -j 2 -T 20 -f "$HERE/$script.sql" $DB | grep -E "latency average|tps ="
done
echo "== EXPLAIN of a deep page"
$PSQL -d $DB -c "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM customer WHERE id > (SELECT bench_uuid7(now() - interval '365 days')) ORDER BY id LIMIT 51" | grep -E "Index|Execution|Buffers" | head -4

$PSQL -d $DB -Atc "SELECT translate(rtrim(encode(uuid_send(id), 'base64'), '='), '+/', '-_') FROM customer TABLESAMPLE SYSTEM (0.05) LIMIT 2000" > "$HERE/cursors.txt"
start_app
echo "== wrk GET /api/v1/customers?after=<random> (4 connections, 30 s, after 10 s warm-up)"
(cd "$HERE" && wrk -t2 -c4 -d10s -s deep-page.lua http://localhost:$PORT > /dev/null)
(cd "$HERE" && wrk -t2 -c4 -d30s -s deep-page.lua http://localhost:$PORT | tail -1)
kill $APP; wait $APP 2>/dev/null || true
rm -f "$HERE/cursors.txt"
