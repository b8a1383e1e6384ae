#!/usr/bin/env bash
# POST /api/v1/orders under load. Two ACTIVE, AUTOMATIC programmes (points with a category bonus; a
# stamp card), CUSTOMERS customers (default 10,000) imported first; every order has two lines and
# earns in both programmes. Then:
#   1. wrk, closed loop, 16 connections: the maximum throughput;
#   2. open_loop.py, open loop at 200 and at 1,000 orders/s: latency percentiles at those rates;
#   3. pgbench with order-tx.sql, the same SQL statements run directly: the ceiling for this design.
# Usage (from the repository root, after ./mvnw package): src/bench/orders/run.sh [CUSTOMERS]
# Environment (all optional):
#   RATES="200 1000"   the open-loop rates of step 2, in orders/s, 30 s each
#   OPEN_LOOP_ONLY=1   only the warm-up and step 2: no maximum-throughput wrk, no pgbench
#   APP_LOG=file       keep the application's log there
#   DB, PORT, MPORT    the database and ports (default loyalty_bench_orders, 8093, 9093)
#   SUMMARY=off        disable the metrics read model's triggers on orders (V19, V20) after migration;
#   SUMMARY=alternate  what the read model costs the order path: the wrk and pgbench steps run 3 times each with the
#                      triggers on and off in turn (on one app, one database), instead of once
#   JAVA_OPTS=...      extra JVM options for the application (e.g. -XX:StartFlightRecording=... for a profile)
#   WARMUP=180         seconds of wrk before the measured steps (the JIT is still compiling the order path after 60 s
#                      on a slow 2-core machine: see "JIT" in the step's CPU line)
#   STEPS=1            how many 30 s wrk steps to measure in a row
#   PLACED_AT=fixed    post every order at one instant (2026-01-15T10:00:00Z), as runs before 2026-11-28 did, instead
#                      of now: each repeat order then ties with its customer's last one and takes the metrics read
#                      model's re-ranking path (V20), a worst case for it
#   GENERATOR=java     drive the open-loop steps with FixedRate.java, as runs before 2026-11-28 (second session) did,
#                      instead of open_loop.py (asyncio, keep-alive connections): the JDK's HTTP client takes so
#                      much of the two shared cores at 1,000/s that most requests go unanswered by the generator
#   TPCB=0             skip the reference step 4: pgbench TPC-B (scale 10, 8 clients, 30 s) on a scratch database,
#                      the machine's own figure that the issue's goals are ratios of
#   ADMISSION=false    turn admission control off (loyalty.admission.enabled) to see the service without it;
#                      LOYALTY_ADMISSION_MAX_IN_FLIGHT and the other LOYALTY_ADMISSION_* pass through to the app
# Each figure is printed with /proc/loadavg, since the machine may be shared.
set -euo pipefail
CUSTOMERS=${1:-10000}
RATES=${RATES:-200 1000}
OPEN_LOOP_ONLY=${OPEN_LOOP_ONLY:-0}
WARMUP=${WARMUP:-180}
GENERATOR=${GENERATOR:-python}
STEPS=${STEPS:-1}
ADMISSION=${ADMISSION:-true}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
# DB, PORT and MPORT may be set to run beside another session's benchmark on the same machine.
DB=${DB:-loyalty_bench_orders}
PORT=${PORT:-8093}
# Health is on the management interface; rate limits are off: the bench drives one key at full speed.
MPORT=${MPORT:-9093}
export API_KEY=bench-admin-key-0123456789 CUSTOMERS
BASE=http://localhost:$PORT
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT
H=(-H "X-API-Key: $API_KEY" -H "Content-Type: application/json")

# KEEP_DB=1 runs on an existing database (e.g. the metrics store with 10M orders: "does cost grow with history?")
# and leaves it in place; only the bench's own customers (bench-c*) take part.
KEEP_DB=${KEEP_DB:-0}
# Tags the externalIds of this run: a run on a kept database must not repeat an earlier run's (a 409 each).
STAMP=$(date +%s)
drop_db() { [ "$KEEP_DB" = 1 ] || psql -h localhost -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"; }
[ "$KEEP_DB" = 1 ] || psql -h localhost -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MPORT LOYALTY_RATE_LIMIT_ENABLED=false LOYALTY_ADMISSION_ENABLED=$ADMISSION LOYALTY_ADMIN_API_KEY=$API_KEY \
  java ${JAVA_OPTS:-} -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "${APP_LOG:-$WORK/app.log}" 2>&1 &
APP=$!
for _ in $(seq 1 60); do curl -sf localhost:$MPORT/q/health/ready > /dev/null && break; sleep 1; done
summary() {  # ENABLE or DISABLE the metrics read model's triggers
  for t in customer_insert customer_update customer_delete customer_truncate order_insert order_truncate; do
    psql -h localhost -U postgres -d $DB -q -c "ALTER TABLE orders $1 TRIGGER metrics_$t"
  done
}
# CPU time per order, steadier than orders/s on a shared or throttled machine: the application's, PostgreSQL's
# (every postgres process, with its exited backends through the postmaster's children) and the whole machine's
# busy time (steal excluded), in clock ticks from /proc, read before and after the wrk step.
cpu_ticks() {
  local pg=0 p
  for p in $(pgrep -u postgres); do pg=$((pg + $(awk '{print $14 + $15 + $16 + $17}' /proc/$p/stat 2>/dev/null || echo 0))); done
  local jit=0
  for p in /proc/$APP/task/*; do
    grep -q "Compiler" "$p/comm" 2>/dev/null && jit=$((jit + $(sed 's/.*) //' "$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$(awk '{print $14 + $15}' /proc/$APP/stat) $pg $(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat) $jit"
}
cpu_per_order() {  # before after orders
  read -r a0 p0 m0 j0 <<< "$1"; read -r a1 p1 m1 j1 <<< "$2"
  awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v m=$((m1 - m0)) -v j=$((j1 - j0)) -v n="$3" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "   CPU per order: application %.2f ms (of which JIT compiler threads %.2f ms), PostgreSQL %.2f ms, machine %.2f ms\n", a/hz*1000/n, j/hz*1000/n, p/hz*1000/n, m/hz*1000/n }'
}
SUMMARY=${SUMMARY:-on}
[ "$SUMMARY" = off ] && { summary DISABLE; echo "metrics read model triggers disabled"; }
# the steps' states: once as configured, or on, off three times over
STATES=$([ "$SUMMARY" = alternate ] && echo "on off on off on off" || printf "$SUMMARY %.0s" $(seq 1 "$STEPS"))
PG_STATES=$([ "$SUMMARY" = alternate ] && echo "$STATES" || echo "$SUMMARY")

curl -sf -o /dev/null "${H[@]}" $BASE/api/v1/programmes -d '{"name": "Points", "status": "ACTIVE", "currency": "INR",
  "enrolment": "AUTOMATIC", "expiry": {"type": "AFTER", "after": "P12M"}, "rules": [
  {"id": "spend", "type": "SPEND", "pointsPerUnit": 1}, {"id": "snacks", "type": "MULTIPLIER", "categories": ["snacks"], "multiplier": 2}]}'
curl -sf -o /dev/null "${H[@]}" $BASE/api/v1/programmes -d '{"name": "Chai card", "status": "ACTIVE", "currency": "INR",
  "enrolment": "AUTOMATIC", "rules": [{"id": "chai", "type": "STAMP", "stampsRequired": 10, "per": "UNIT", "skus": ["CHAI"], "reward": "A free chai"}]}'
{ echo "externalId,customerExternalId,placedAt,currency,total"
  for i in $(seq 0 $((CUSTOMERS - 1))); do echo "seed-$i,bench-c$i,2025-01-01,INR,10.00"; done; } > "$WORK/seed.csv"
curl -sf -o /dev/null -H "X-API-Key: $API_KEY" -H 'Content-Type: text/csv' --data-binary @"$WORK/seed.csv" $BASE/api/v1/imports/orders
sleep 5

# The JIT needs minutes of load on two slow shared cores before figures mean anything (WARMUP).
echo "== wrk warm-up (JIT, memberships), ${WARMUP}s"
(cd "$HERE" && RUN=warm-$STAMP wrk -t2 -c16 -d${WARMUP}s -s post-order.lua $BASE | tail -1)
# Autovacuum may be off on a benchmark machine (it is on these: SHOW autovacuum); a database in service has it. The
# tables the warm-up filled are vacuumed and analyzed once, as autovacuum would have by then.
psql -h localhost -U postgres -d $DB -q -c "VACUUM ANALYZE"
echo "vacuumed and analyzed after the warm-up (server autovacuum: $(psql -h localhost -U postgres -Atc 'SHOW autovacuum'))"
if [ "$OPEN_LOOP_ONLY" != 1 ]; then
  for state in $STATES; do
    [ "$SUMMARY" = alternate ] && { summary "$([ $state = on ] && echo ENABLE || echo DISABLE)"; echo "-- summary $state"; }
    echo "== wrk, 16 connections, 30 s: maximum throughput (load $(cut -d' ' -f1-3 /proc/loadavg))"
    CPU0=$(cpu_ticks)
    (cd "$HERE" && RUN=max-$state-$RANDOM-$STAMP wrk -t2 -c16 -d30s -s post-order.lua $BASE | tail -1) | tee "$WORK/wrk.out"
    cpu_per_order "$CPU0" "$(cpu_ticks)" "$(awk '{print $4}' "$WORK/wrk.out")"
  done
fi
for rate in $RATES; do
  echo "== fixed rate $rate orders/s, 30 s, admission $ADMISSION (load before $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ "$GENERATOR" = python ]; then
    python3 "$HERE/open_loop.py" localhost "$PORT" $API_KEY "$rate" 30 "$CUSTOMERS"
  else
    java "$HERE/FixedRate.java" $BASE $API_KEY "$rate" 30 "$CUSTOMERS"
  fi
  echo "   load after $(cut -d' ' -f1-3 /proc/loadavg); shed so far: $(curl -s localhost:$MPORT/q/metrics | grep '^loyalty_admission_shed_total{limit="api"' || echo none)"
  # The server's own view (from the request's arrival, not its due time), cumulative since the start.
  curl -s localhost:$MPORT/q/metrics | grep -E '^http_server_requests_seconds_(count|sum|max)\{.*status="(201|503)"' \
    | grep -E 'orders|UNKNOWN|NOT_FOUND' | sed 's/^/   /' || true
  sleep 5
done
kill $APP; wait $APP 2>/dev/null || true; APP=
[ "$OPEN_LOOP_ONLY" = 1 ] && { drop_db; exit 0; }

echo "== pgbench order-tx.sql, 16 clients, 30 s: the same SQL without the application"
KEY_ID=$(psql -h localhost -U postgres -d $DB -Atc "SELECT id FROM api_key LIMIT 1")
psql -h localhost -U postgres -d $DB -q -c "INSERT INTO membership (id, programme_id, customer_id, joined_at)
  SELECT gen_random_uuid(), p.id, c.id, now() FROM customer c CROSS JOIN programme p
  WHERE c.external_id LIKE 'bench-c%' AND p.name IN ('Points', 'Chai card') AND p.enrolment = 'AUTOMATIC' ON CONFLICT DO NOTHING"
for state in $PG_STATES; do
  [ "$SUMMARY" = alternate ] && { summary "$([ $state = on ] && echo ENABLE || echo DISABLE)"; echo "-- summary $state"; }
  pgbench -h localhost -U postgres -n -c 16 -j 2 -T 30 -D customers="$CUSTOMERS" -D key="$KEY_ID" \
    -f "$HERE/order-tx.sql" $DB | grep -E "latency average|tps ="
done
drop_db
if [ "${TPCB:-1}" = 1 ]; then
  echo "== pgbench TPC-B, scale 10, 8 clients, 30 s: this machine's reference (load $(cut -d' ' -f1-3 /proc/loadavg))"
  psql -h localhost -U postgres -q -c "DROP DATABASE IF EXISTS loyalty_bench_tpcb WITH (FORCE)" -c "CREATE DATABASE loyalty_bench_tpcb"
  pgbench -h localhost -U postgres -i -q -s 10 loyalty_bench_tpcb > /dev/null 2>&1
  pgbench -h localhost -U postgres -c 8 -j 2 -T 30 loyalty_bench_tpcb | grep -E "latency average|tps ="
  psql -h localhost -U postgres -q -c "DROP DATABASE loyalty_bench_tpcb WITH (FORCE)"
fi
