#!/usr/bin/env bash
# POST /api/v1/redemptions under load. One ACTIVE AUTOMATIC programme, CUSTOMERS customers (default
# 2,000) who each earned 1,000,000 points through an imported order, and a reward of 10 points with
# unlimited stock, so every request should succeed. Then: a 60 s warm-up, the maximum throughput with 16
# requests in flight, and open-loop latency at 100 and 200 redemptions/s.
# Hot reward: STOCK=1000000 gives the reward that limited stock instead, so every redemption takes a unit
# from the reward's stock slots (LOYALTY_REWARDS_STOCK_SLOTS, default 8, sets how many), and the end checks
# that units left + redemptions issued = STOCK.
# DB, PORT and MPORT override the database and ports, for a run beside another (e.g. from a second worktree).
# WARMUP (seconds, default 180) and STEPS (closed-loop steps in a row, default 1) as in src/bench/orders/run.sh.
# Usage (from the repository root, after ./mvnw package): [STOCK=N] [RATES="100 200"] src/bench/redemptions/run.sh [CUSTOMERS]
set -euo pipefail
CUSTOMERS=${1:-2000}
STOCK=${STOCK:-}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
DB=${DB:-loyalty_bench_redemptions}
PORT=${PORT:-8094}
# Health is on the management interface; rate limits are off: the bench drives one key at full speed.
MPORT=${MPORT:-9094}
API_KEY=bench-admin-key-0123456789
BASE=http://localhost:$PORT
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT
H=(-H "X-API-Key: $API_KEY" -H "Content-Type: application/json")

psql -h localhost -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MPORT LOYALTY_RATE_LIMIT_ENABLED=false LOYALTY_ADMIN_API_KEY=$API_KEY \
  java -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 60); do curl -sf localhost:$MPORT/q/health/ready > /dev/null && break; sleep 1; done

PROGRAMME=$(curl -sf "${H[@]}" $BASE/api/v1/programmes -d '{"name": "Points", "status": "ACTIVE", "currency": "INR",
  "enrolment": "AUTOMATIC", "rules": [{"id": "spend", "type": "SPEND", "pointsPerUnit": 1}]}' | jq -r .id)
REWARD=$(curl -sf "${H[@]}" $BASE/api/v1/rewards -d "{\"programmeId\": \"$PROGRAMME\", \"name\": \"Free delivery\",
  \"type\": \"FREE_SHIPPING\", \"cost\": 10, \"codeValidDays\": 30${STOCK:+, \"stock\": $STOCK}}" | jq -r .id)
if [ -n "$STOCK" ]; then
  echo "== hot reward: stock $STOCK over $(psql -h localhost -U postgres -d $DB -Atc \
    "SELECT count(*) FROM reward_stock_slot WHERE reward_id = '$REWARD'") slots"
fi
# Orders that earn go through the normal order path, which needs the customer to exist: a first import
# (not earning) creates the customers, a second one earns their points.
import() {
  local job
  job=$(curl -sf -H "X-API-Key: $API_KEY" -H 'Content-Type: text/csv' --data-binary @"$1" $BASE/api/v1/imports/orders | jq -r .id)
  until [ "$(curl -sf -H "X-API-Key: $API_KEY" $BASE/api/v1/imports/$job | jq -r .status)" = COMPLETED ]; do sleep 1; done
  curl -sf -H "X-API-Key: $API_KEY" $BASE/api/v1/imports/$job | jq -c '{rowsRead, imported, rejected}'
}
{ echo "externalId,customerExternalId,placedAt,currency,total"
  for i in $(seq 0 $((CUSTOMERS - 1))); do echo "seed-$i,bench-c$i,2026-01-01,INR,1.00"; done; } > "$WORK/customers.csv"
{ echo "externalId,customerExternalId,placedAt,currency,total,accrue"
  for i in $(seq 0 $((CUSTOMERS - 1))); do echo "earn-$i,bench-c$i,2026-01-02,INR,1000000.00,true"; done; } > "$WORK/points.csv"
import "$WORK/customers.csv"
import "$WORK/points.csv"
psql -h localhost -U postgres -d $DB -Atc "SELECT id FROM customer" > "$WORK/customers.txt"

R=(java "$HERE/Redeem.java" $BASE $API_KEY "$REWARD" "$WORK/customers.txt")
# On two slow shared cores the JIT still compiles the request path after a minute (see src/bench/orders/run.sh).
echo "== warm-up, ${WARMUP:-180} s (JIT)"
"${R[@]}" closed 16 "${WARMUP:-180}" | head -1
for _ in $(seq 1 "${STEPS:-1}"); do
  echo "== closed loop, 16 in flight, 30 s: maximum throughput"
  "${R[@]}" closed 16 30
done
for rate in ${RATES:-100 200}; do
  echo "== open loop, $rate redemptions/s, 30 s"
  "${R[@]}" open "$rate" 30
done
echo "== ledger check: stored balances equal the ledger"
psql -h localhost -U postgres -d $DB -Atc "SELECT count(*) AS memberships_off FROM membership m
  WHERE m.balance <> (SELECT coalesce(sum(points), 0) FROM ledger_entry e WHERE e.membership_id = m.id)"
if [ -n "$STOCK" ]; then
  echo "== stock check: units left + redemptions issued - STOCK (want 0), and the units left per slot"
  psql -h localhost -U postgres -d $DB -Atc "SELECT (SELECT sum(stock) FROM reward_stock_slot WHERE reward_id = '$REWARD')
    + (SELECT count(*) FROM redemption WHERE reward_id = '$REWARD') - $STOCK AS stock_off,
    (SELECT string_agg(stock::text, ' ' ORDER BY slot) FROM reward_stock_slot WHERE reward_id = '$REWARD') AS slots"
fi
kill $APP; wait $APP 2>/dev/null || true; APP=
psql -h localhost -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
