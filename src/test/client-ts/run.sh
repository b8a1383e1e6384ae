#!/usr/bin/env bash
# Proof that a TypeScript front-end can use the committed OpenAPI contract: generate types from
# openapi/openapi.json, type-check and lint the client (no `any`, no casts), then run a storefront
# checkout against the packaged application (target/quarkus-app, built by ./mvnw package or verify)
# on a fresh, empty database. The application and the database are removed however this ends.
#
# Overridable: LOYALTY_CLIENT_TS_PORT (HTTP port, default 18180), LOYALTY_CLIENT_TS_MANAGEMENT_PORT
# (health and metrics, default 18181), LOYALTY_CLIENT_TS_HEALTH_URL (readiness URL, default
# http://localhost:<management port>/q/health/ready), LOYALTY_CLIENT_TS_START_TIMEOUT
# (seconds, default 120: a JVM start plus migrations on a busy CI machine), PGHOST/PGPORT/PGUSER
# (default localhost/5432/postgres).
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../../.. && pwd)"

port="${LOYALTY_CLIENT_TS_PORT:-18180}"
management_port="${LOYALTY_CLIENT_TS_MANAGEMENT_PORT:-18181}"
health_url="${LOYALTY_CLIENT_TS_HEALTH_URL:-http://localhost:${management_port}/q/health/ready}"
start_timeout="${LOYALTY_CLIENT_TS_START_TIMEOUT:-120}"
pg_host="${PGHOST:-localhost}"
pg_port="${PGPORT:-5432}"
pg_user="${PGUSER:-postgres}"
jar="$root/target/quarkus-app/quarkus-run.jar"

step() { echo "==> client-ts: $*"; }
fail() { echo "client-ts: $*" >&2; exit 1; }

# --- Node and npm ------------------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  step "installing Node.js and npm"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq nodejs npm
fi
node_version="$(node -p 'process.versions.node')"
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || fail "Node.js $node_version is too old: the pinned tools (@redocly/cli, eslint) need 20.19 or later."

# --- Types, type-check, lint -------------------------------------------------------------------
step "npm ci (node $node_version, npm $(npm --version))"
npm ci --no-audit --no-fund --loglevel=error
step "generating types from openapi/openapi.json"
rm -rf build src/generated
npm run --silent generate
step "type-checking (tsc, strict) and building"
npm run --silent build
step "linting (no any, no type assertions, no non-null assertions)"
npm run --silent lint

# --- A fresh database and the packaged application ----------------------------------------------
[ -f "$jar" ] || fail "$jar is missing: build the application first (./mvnw package or ./mvnw verify)."
if curl -s -o /dev/null --max-time 2 "$health_url"; then
  fail "something already answers on $health_url; set LOYALTY_CLIENT_TS_PORT and LOYALTY_CLIENT_TS_MANAGEMENT_PORT to free ports."
fi

database="loyalty_client_ts_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
admin_key="client-ts-admin-$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
app_log="$(mktemp -t client-ts-app.XXXXXX.log)"
app_pid=""

psql_admin() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -q "$@"; }

cleanup() {
  local status=$?
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  psql_admin -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || echo "client-ts: could not drop database $database" >&2
  rm -f "$app_log"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

print_app_log() {
  echo "----- application log ($app_log) -----" >&2
  cat "$app_log" >&2 || true
  echo "----- end of application log -----" >&2
}

step "creating database $database"
psql_admin -c "CREATE DATABASE $database"

step "starting the packaged application on port $port (management port $management_port)"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${pg_host}:${pg_port}/${database}" \
QUARKUS_DATASOURCE_USERNAME="$pg_user" \
QUARKUS_HTTP_PORT="$port" \
QUARKUS_MANAGEMENT_PORT="$management_port" \
LOYALTY_ADMIN_API_KEY="$admin_key" \
  java -jar "$jar" >"$app_log" 2>&1 &
app_pid=$!

ready=""
for _ in $(seq 1 "$start_timeout"); do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    print_app_log
    fail "the application stopped during startup."
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$health_url" || true)" = "200" ]; then
    ready=yes
    break
  fi
  sleep 1
done
if [ -z "$ready" ]; then
  print_app_log
  fail "$health_url did not answer 200 within ${start_timeout}s."
fi

# --- The checkout ------------------------------------------------------------------------------
step "running the checkout flow"
if ! LOYALTY_BASE_URL="http://localhost:${port}" LOYALTY_ADMIN_API_KEY="$admin_key" node build/flow.js; then
  print_app_log
  fail "the checkout flow failed."
fi
step "passed"
