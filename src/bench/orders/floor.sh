#!/usr/bin/env bash
# The application's floor: what the same stack (HTTP, API key, JSON, a transaction) answers per second when a request
# does almost nothing, beside which the orders benchmark's figure can be read. wrk, 16 connections, 30 s each, after a
# 30 s warm-up of each:
#   1. GET /api/v1/customers/{id}: one primary-key read and a small JSON answer;
#   2. POST /api/v1/customers: a small JSON body, validation, one insert in a transaction of its own, 201 + Location.
# Usage (from the repository root, after ./mvnw package): src/bench/orders/floor.sh
# Environment: DB, PORT, MPORT as for run.sh (default loyalty_bench_floor, 8094, 9094).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
DB=${DB:-loyalty_bench_floor}
PORT=${PORT:-8094}
MPORT=${MPORT:-9094}
export API_KEY=bench-admin-key-0123456789
BASE=http://localhost:$PORT
trap '[ -n "${APP:-}" ] && kill $APP 2>/dev/null || true; psql -h localhost -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
psql -h localhost -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MPORT \
  LOYALTY_RATE_LIMIT_ENABLED=false LOYALTY_ADMIN_API_KEY=$API_KEY java -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > /dev/null 2>&1 &
APP=$!
for _ in $(seq 1 60); do curl -sf localhost:$MPORT/q/health/ready > /dev/null && break; sleep 1; done
export CUSTOMER_ID=$(curl -sf -H "X-API-Key: $API_KEY" -H 'Content-Type: application/json' $BASE/api/v1/customers \
  -d '{"externalId": "floor-reader", "firstName": "Asha"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
for mode in get post; do
  (cd "$HERE" && MODE=$mode RUN=warm-$RANDOM wrk -t2 -c16 -d30s -s floor.lua $BASE > /dev/null)
  echo "== $mode, wrk 16 connections, 30 s (load $(cut -d' ' -f1-3 /proc/loadavg))"
  (cd "$HERE" && MODE=$mode RUN=run-$RANDOM wrk -t2 -c16 -d30s -s floor.lua $BASE | tail -1)
done
