#!/usr/bin/env bash
# Two instances of the packaged application on one fresh database, and the concurrency scenarios with
# every burst split between them (TwoInstances.java), then SQL checks that nothing was lost or doubled.
# Prints PASS or FAIL and exits non-zero on failure. Builds nothing: run ./mvnw package first.
# Usage (from anywhere): src/bench/two-instances/run.sh   (ports with PORT_A=, PORT_B=; default 18281, 18282;
# management ports, for health, with MPORT_A=, MPORT_B=; default 19281, 19282)
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
DB=loyalty_two_instances
PORT_A=${PORT_A:-18281}
PORT_B=${PORT_B:-18282}
MPORT_A=${MPORT_A:-19281}
MPORT_B=${MPORT_B:-19282}
API_KEY=two-instances-admin-key-0123456789
PSQL=(psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q)
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "FAIL: $*"; for f in "$WORK"/app-*.log; do echo "--- last lines of $f"; tail -20 "$f"; done; exit 1; }

[ -f "$JAR" ] || fail "$JAR is missing; run ./mvnw package first"
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" || fail "cannot create database $DB"

start() { # port management-port name
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$DB QUARKUS_HTTP_PORT=$1 QUARKUS_MANAGEMENT_PORT=$2 \
    LOYALTY_ADMIN_API_KEY=$API_KEY LOYALTY_RATE_LIMIT_ENABLED=false \
    timeout 900 java -Xmx384m -jar "$JAR" > "$WORK/app-$3.log" 2>&1 &
  PIDS+=($!)
}
ready() { # management port
  for _ in $(seq 1 180); do
    curl -sf "http://localhost:$1/q/health/ready" > /dev/null && return 0
    sleep 1
  done
  return 1
}
# Both start at once: both run the migration check, as a rolling deployment would.
start "$PORT_A" "$MPORT_A" a
start "$PORT_B" "$MPORT_B" b
ready "$MPORT_A" || fail "instance A did not become ready in 180 s"
ready "$MPORT_B" || fail "instance B did not become ready in 180 s"
echo "== two instances ready on :$PORT_A and :$PORT_B, database $DB"

timeout 300 java "$HERE/TwoInstances.java" "http://localhost:$PORT_A" "http://localhost:$PORT_B" "$API_KEY" \
  | tee "$WORK/scenarios.txt"
SCENARIOS=${PIPESTATUS[0]}
val() { sed -n "s/^$1=//p" "$WORK/scenarios.txt"; }

echo "== SQL checks"
sql() { "${PSQL[@]}" -d $DB -Atc "$1"; }
OFF=$(sql "SELECT count(*) FROM membership m
  WHERE m.balance <> (SELECT coalesce(sum(points), 0) FROM ledger_entry e WHERE e.membership_id = m.id)")
ORDERS=$(sql "SELECT count(*) FROM orders WHERE external_id = '$(val ORDER_EXTERNAL_ID)'")
SOLD=$(sql "SELECT count(*) FROM redemption WHERE reward_id = '$(val SCARCE_REWARD)'")
KEYED=$(sql "SELECT count(*) FROM redemption WHERE customer_id = '$(val KEYED_CUSTOMER)'")
EARNED=$(sql "SELECT coalesce(sum(e.points), 0) FROM ledger_entry e JOIN membership m ON m.id = e.membership_id
  WHERE m.customer_id = '$(val BUYER)' AND e.type = 'EARN'")
echo "memberships whose balance differs from their ledger: $OFF (want 0)"
echo "orders stored for the externalId posted 20 times: $ORDERS (want 1)"
echo "redemptions of the stock-3 reward: $SOLD (want 3)"
echo "redemptions made with the replayed Idempotency-Key: $KEYED (want 1)"
echo "points earned by the order posted 20 times: $EARNED (want 250)"
ERRORS=$(grep -h -c " ERROR " "$WORK"/app-*.log | paste -sd+ | bc)
echo "ERROR lines in the two application logs: $ERRORS (want 0)"
SQL_LOGGED=$(cat "$WORK"/app-*.log | grep -ci "insert into")
echo "log lines with SQL (replays must not log their failed insert): $SQL_LOGGED (want 0)"

if [ "$SCENARIOS" = 0 ] && [ "$OFF" = 0 ] && [ "$ORDERS" = 1 ] && [ "$SOLD" = 3 ] && [ "$KEYED" = 1 ] \
   && [ "$EARNED" = 250 ] && [ "$ERRORS" = 0 ] && [ "$SQL_LOGGED" = 0 ]; then
  echo "PASS"
else
  fail "see the lines above"
fi
