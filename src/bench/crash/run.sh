#!/usr/bin/env bash
# Crash test: the packaged application on a fresh database, orders, returns and redemptions at load with
# every request and answer journaled (Crash.java), kill -9 of the application mid-load, restart, the
# unanswered requests sent again with the same externalId / Idempotency-Key, then SQL checks that every
# 2xx is there exactly once with its ledger entries and nothing is half-written.
# Prints PASS or FAIL and exits non-zero on failure. Builds nothing: run ./mvnw package first.
# Usage (from anywhere): src/bench/crash/run.sh
#   PORT (default 18381), MANAGEMENT_PORT (19381), KILL_AFTER seconds of load (default 15), THREADS (16)
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
DB=loyalty_crash_$$
PORT=${PORT:-18381}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19381}
KILL_AFTER=${KILL_AFTER:-15}
THREADS=${THREADS:-16}
BASE=http://localhost:$PORT
API_KEY=crash-admin-key-0123456789
PSQL=(psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q)
WORK=$(mktemp -d)
APP=
LOADER=
cleanup() {
  [ -n "$LOADER" ] && kill "$LOADER" 2>/dev/null
  [ -n "$APP" ] && kill -9 "$APP" 2>/dev/null && wait "$APP" 2>/dev/null
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "FAIL: $*"; for f in "$WORK"/app-*.log; do [ -f "$f" ] && { echo "--- last lines of $f"; tail -15 "$f"; }; done; exit 1; }

[ -f "$JAR" ] || fail "$JAR is missing; run ./mvnw package first"
"${PSQL[@]}" -c "CREATE DATABASE $DB" || fail "cannot create database $DB"

start() { # log name
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$DB QUARKUS_HTTP_PORT=$PORT \
    QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT LOYALTY_ADMIN_API_KEY=$API_KEY \
    java -Xmx384m -jar "$JAR" > "$WORK/app-$1.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 180); do
    # Readiness may be on the management port; an authenticated API call works wherever it is.
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $API_KEY" "$BASE/api/v1/customers?limit=1")" = 200 ] && return 0
    kill -0 "$APP" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

start first || fail "the application did not start in 180 s"
echo "== application up on :$PORT, database $DB; load with $THREADS threads, kill -9 after ${KILL_AFTER}s"
timeout 300 java "$HERE/Crash.java" load "$BASE" "$API_KEY" "$WORK/journal.tsv" 600 "$THREADS" > "$WORK/load.txt" 2>&1 &
LOADER=$!
# The load starts after its setup (programme, reward, customers): wait for the first journaled request.
for _ in $(seq 1 60); do [ -s "$WORK/journal.tsv" ] && break; sleep 1; done
sleep "$KILL_AFTER"
IN_FLIGHT=$(awk -F'\t' '$1=="REQ"{q[$2]=1} $1=="ANS"||$1=="ERR"{delete q[$2]} END{print length(q)}' "$WORK/journal.tsv")
kill -9 "$APP"
wait "$APP" 2>/dev/null
echo "== kill -9 with $IN_FLIGHT requests in flight"
wait "$LOADER"
LOADER=
cat "$WORK/load.txt"
FIVE_XX=$(awk -F'\t' '$1=="ANS" && $3>=500' "$WORK/journal.tsv" | wc -l)

start second || fail "the application did not restart in 180 s"
echo "== restarted; resending the unanswered requests with their keys"
timeout 300 java "$HERE/Crash.java" retry "$BASE" "$API_KEY" "$WORK/journal.tsv" "$WORK/acks.tsv" | tee "$WORK/retry.txt"
RETRY=${PIPESTATUS[0]}

echo "== SQL checks"
"${PSQL[@]}" -d $DB -c "CREATE TABLE crash_ack (kind text, id uuid, key text)" \
  -c "\\copy crash_ack FROM '$WORK/acks.tsv'" || fail "cannot load the acknowledgements"
sql() { "${PSQL[@]}" -d $DB -Atc "$1"; }
declare -A CHECKS=(
  ["acknowledged orders missing, or stored more than once"]="SELECT count(*) FROM crash_ack a WHERE kind = 'order'
     AND (SELECT count(*) FROM orders o WHERE o.id = a.id AND o.external_id = a.key) <> 1"
  ["externalIds acknowledged with two different order ids"]="SELECT count(*) FROM (SELECT key FROM crash_ack
     WHERE kind = 'order' GROUP BY key HAVING count(DISTINCT id) > 1) d"
  ["orders stored that nobody acknowledged"]="SELECT count(*) FROM orders o WHERE NOT EXISTS
     (SELECT 1 FROM crash_ack a WHERE a.kind = 'order' AND a.id = o.id)"
  ["orders without their lines"]="SELECT count(*) FROM orders o WHERE (SELECT count(*) FROM order_line l
     WHERE l.order_id = o.id) <> 2"
  ["orders without their EARN entry"]="SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e
     WHERE e.order_id = o.id AND e.type = 'EARN' AND e.points = 100)"
  ["acknowledged returns missing"]="SELECT count(*) FROM crash_ack a WHERE kind = 'return'
     AND NOT EXISTS (SELECT 1 FROM order_return r WHERE r.id = a.id)"
  ["returns nobody acknowledged"]="SELECT count(*) FROM order_return r WHERE NOT EXISTS
     (SELECT 1 FROM crash_ack a WHERE a.kind = 'return' AND a.id = r.id)"
  ["returns without their REVERSE entry"]="SELECT count(*) FROM order_return r WHERE NOT EXISTS
     (SELECT 1 FROM ledger_entry e WHERE e.return_id = r.id AND e.type = 'REVERSE')"
  ["acknowledged redemptions missing"]="SELECT count(*) FROM crash_ack a WHERE kind = 'redemption'
     AND NOT EXISTS (SELECT 1 FROM redemption r WHERE r.id = a.id)"
  ["Idempotency-Keys acknowledged with two different ids"]="SELECT count(*) FROM (SELECT key FROM crash_ack
     WHERE kind <> 'order' GROUP BY key HAVING count(DISTINCT id) > 1) d"
  ["redemptions nobody acknowledged"]="SELECT count(*) FROM redemption r WHERE NOT EXISTS
     (SELECT 1 FROM crash_ack a WHERE a.kind = 'redemption' AND a.id = r.id)"
  ["redemptions without their REDEEM debit"]="SELECT count(*) FROM redemption r WHERE NOT EXISTS
     (SELECT 1 FROM ledger_entry e WHERE e.id = r.debit_entry_id AND e.type = 'REDEEM' AND e.points = -30)"
  ["memberships whose balance differs from their ledger"]="SELECT count(*) FROM membership m WHERE m.balance <>
     (SELECT coalesce(sum(points), 0) FROM ledger_entry e WHERE e.membership_id = m.id)"
  ["memberships whose balance differs from their lots less debt"]="SELECT count(*) FROM membership m WHERE m.balance <>
     (SELECT coalesce(sum(remaining), 0) FROM point_lot l WHERE l.membership_id = m.id) - m.debt"
  ["memberships with a debt beside open lots"]="SELECT count(*) FROM membership m WHERE m.debt > 0 AND EXISTS
     (SELECT 1 FROM point_lot l WHERE l.membership_id = m.id AND l.remaining > 0 AND l.available_from <= now()
      AND (l.expires_at IS NULL OR l.expires_at > now()))"
)
for name in "${!CHECKS[@]}"; do
  printf '%-62s %s (want 0)\n' "$name:" "$(sql "${CHECKS[$name]}")"
done | sort
echo "$(sql "SELECT count(*) FROM orders") orders, $(sql "SELECT count(*) FROM order_return") returns, $(sql "SELECT count(*) FROM redemption") redemptions, $(sql "SELECT count(*) FROM ledger_entry") ledger entries"
echo "5xx answers during the load: $FIVE_XX (want 0)"
ERRORS=$(grep -c " ERROR " "$WORK/app-second.log")
echo "ERROR lines in the restarted application's log: $ERRORS (want 0)"
BAD=$(for name in "${!CHECKS[@]}"; do sql "${CHECKS[$name]}" || echo error; done | grep -vc '^0$')
UNANSWERED=$(sed -n 's/^UNANSWERED=//p' "$WORK/retry.txt")
# A kill between two requests would test nothing: at least one request must have been left unanswered.
if [ "$RETRY" = 0 ] && [ "$BAD" = 0 ] && [ "$FIVE_XX" = 0 ] && [ "$ERRORS" = 0 ] && [ "${UNANSWERED:-0}" -gt 0 ]; then
  echo "PASS"
else
  fail "see the lines above (retry exit $RETRY, failed checks $BAD, unanswered requests ${UNANSWERED:-none})"
fi
