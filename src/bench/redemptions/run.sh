#!/usr/bin/env bash
# POST /api/v1/redemptions under load. One ACTIVE AUTOMATIC programme, CUSTOMERS customers (default
# 2,000) who each earned 1,000,000 points through an imported order, and a reward of 10 points with
# unlimited stock, so every request should succeed. Then: a 60 s warm-up, the maximum throughput with 16
# requests in flight, and open-loop latency at 100 and 200 redemptions/s.
# Hot reward: STOCK=1000000 gives the reward that limited stock instead, so every redemption takes a unit
# from the reward's stock slots (LOYALTY_REWARDS_STOCK_SLOTS, default 8, sets how many), and the end checks
# that units left + redemptions issued = STOCK.
# DB, PORT and MPORT override the database and ports, for a run beside another (e.g. from a second worktree).
# WARMUP (seconds, default 180), STEPS (closed-loop steps in a row, default 1) and JAVA_OPTS as in
# src/bench/orders/run.sh. The closed loop is driven by wrk (redeem.lua), whose own CPU is a fraction of the Java
# client's; each closed-loop step prints the CPU time per redemption, as the orders bench does per order.
# The open loop is driven by src/bench/orders/open_loop.py (GENERATOR=java: by Redeem.java, as before 2026-11-28).
# Usage (from the repository root, after ./mvnw package): [STOCK=N] [RATES="100 200"] src/bench/redemptions/run.sh [CUSTOMERS]
set -euo pipefail
CUSTOMERS=${1:-2000}
STOCK=${STOCK:-}
GENERATOR=${GENERATOR:-python}
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
  java ${JAVA_OPTS:-} -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
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
closed() {  # seconds
  (cd "$HERE" && API_KEY=$API_KEY REWARD=$REWARD CUSTOMERS_FILE="$WORK/customers.txt" RUN=$1-$RANDOM-$(date +%s) \
    wrk -t2 -c16 -d"$1"s -s redeem.lua $BASE | tail -1)
}
# CPU time per redemption, as src/bench/orders/run.sh measures it per order.
cpu_ticks() {
  local pg=0 p jit=0
  for p in $(pgrep -u postgres); do pg=$((pg + $(awk '{print $14 + $15 + $16 + $17}' /proc/$p/stat 2>/dev/null || echo 0))); done
  for p in /proc/$APP/task/*; do
    grep -q "Compiler" "$p/comm" 2>/dev/null && jit=$((jit + $(sed 's/.*) //' "$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$(awk '{print $14 + $15}' /proc/$APP/stat) $pg $(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat) $jit"
}
# On two slow shared cores the JIT still compiles the request path after a minute (see src/bench/orders/run.sh).
echo "== warm-up, ${WARMUP:-180} s (JIT)"
closed "${WARMUP:-180}"
for _ in $(seq 1 "${STEPS:-1}"); do
  echo "== closed loop (wrk), 16 connections, 30 s: maximum throughput"
  CPU0=$(cpu_ticks)
  closed 30 | tee "$WORK/wrk.out"
  read -r a0 p0 m0 j0 <<< "$CPU0"; read -r a1 p1 m1 j1 <<< "$(cpu_ticks)"
  awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v m=$((m1 - m0)) -v j=$((j1 - j0)) -v n="$(awk '{print $4}' "$WORK/wrk.out")" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "   CPU per redemption: application %.2f ms (of which JIT compiler threads %.2f ms), PostgreSQL %.2f ms, machine %.2f ms\n", a/hz*1000/n, j/hz*1000/n, p/hz*1000/n, m/hz*1000/n }'
done
for rate in ${RATES:-100 200}; do
  echo "== open loop, $rate redemptions/s, 30 s ($GENERATOR)"
  if [ "$GENERATOR" = python ]; then
    python3 "$HERE/../orders/open_loop.py" localhost "$PORT" $API_KEY "$rate" 30 --redemptions "$REWARD" "$WORK/customers.txt"
  else
    "${R[@]}" open "$rate" 30
  fi
  echo "   shed so far: $(curl -s localhost:$MPORT/q/metrics | grep '^loyalty_admission_shed_total{limit="api"' || echo none)"
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
