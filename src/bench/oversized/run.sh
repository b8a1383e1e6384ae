#!/usr/bin/env bash
# Oversized bodies against the packaged application: a JSON order whose lines array is SIZE_MB megabytes,
# sent PARALLEL times at once with a declared length and PARALLEL times chunked (no length), then the
# same for the import endpoint over its own limit. Prints each answer's status and time and the process's
# resident memory before and after, and checks that a normal request still works.
# Builds nothing: run ./mvnw package first. Usage: src/bench/oversized/run.sh
#   PORT (default 18481), MANAGEMENT_PORT (19481), SIZE_MB (250), PARALLEL (2)
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
DB=loyalty_oversized_$$
PORT=${PORT:-18481}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19481}
SIZE_MB=${SIZE_MB:-250}
PARALLEL=${PARALLEL:-2}
BASE=http://localhost:$PORT
KEY=oversized-admin-key-0123456789
PSQL=(psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q)
WORK=$(mktemp -d)
APP=
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "FAIL: $*"; [ -f "$WORK/app.log" ] && tail -20 "$WORK/app.log"; exit 1; }
rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$APP/status"; }

[ -f "$JAR" ] || fail "$JAR is missing; run ./mvnw package first"
"${PSQL[@]}" -c "CREATE DATABASE $DB" || fail "cannot create database $DB"
# The import limit is lowered to 100 MB here so that one run shows both limits.
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$DB QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT LOYALTY_ADMIN_API_KEY=$KEY QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=100M \
  java -Xmx512m -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$MANAGEMENT_PORT/q/health/ready")" = 200 ] && break
  kill -0 "$APP" 2>/dev/null || fail "the application stopped"
  sleep 1
done

# {"externalId":"x","currency":"INR","total":1,"lines":[{...},{...},...]} of about SIZE_MB megabytes.
LINE='{"sku":"A","quantity":1,"unitPrice":1},'
{
  printf '{"externalId":"huge","currency":"INR","total":1,"placedAt":"2026-01-01T00:00:00Z","lines":['
  yes "$LINE" | tr -d '\n' | head -c $((SIZE_MB * 1024 * 1024))
  printf '{"sku":"A","quantity":1,"unitPrice":1}]}'
} > "$WORK/huge.json"
head -c $((150 * 1024 * 1024)) /dev/zero | tr '\0' 'x' > "$WORK/huge.csv"
curl -s -o /dev/null -H "X-API-Key: $KEY" "$BASE/api/v1/customers?limit=1"
echo "== resident memory before: $(rss) (heap limit 512 MB)"

send() { # label, curl args...
  local label=$1; shift
  curl -s -o "$WORK/$label.body" -w "$label %{http_code} %{time_total}s\n" -H "X-API-Key: $KEY" "$@"
}
SENDERS=()
for i in $(seq 1 "$PARALLEL"); do
  send "order-declared-$i" -H 'Content-Type: application/json' --data-binary @"$WORK/huge.json" "$BASE/api/v1/orders" &
  SENDERS+=($!)
  send "order-chunked-$i" -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' \
    --data-binary @"$WORK/huge.json" "$BASE/api/v1/orders" &
  SENDERS+=($!)
done
send "import-declared" -H 'Content-Type: text/csv' --data-binary @"$WORK/huge.csv" "$BASE/api/v1/imports/orders" &
SENDERS+=($!)
wait "${SENDERS[@]}"
echo "== resident memory after: $(rss)"
for f in "$WORK"/*.body; do echo "$(basename "$f" .body): $(head -c 200 "$f")"; done
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $KEY" "$BASE/api/v1/customers?limit=1")
echo "== a normal request afterwards: $STATUS"
[ "$STATUS" = 200 ] || fail "the service does not answer normally after the oversized bodies"
grep -q "OutOfMemoryError" "$WORK/app.log" && fail "OutOfMemoryError in the log"
echo PASS
