#!/usr/bin/env bash
# Bulk import throughput: imports N generated orders (default 500,000) into a database of its own
# through the packaged application, then the CDNOW master file if ../shared/data is present.
# The application runs with a 256 MB heap (HEAP=...) to show the import does not grow with the upload.
# Usage (from the repository root, after ./mvnw package): [HEAP=256m] src/bench/import/run.sh [N]
# SUMMARY=off disables the metrics read model's triggers on orders (V19, V20) first: what they cost the import.
set -euo pipefail
N=${1:-500000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
DB=loyalty_bench_import
PORT=8092
# Health is on the management interface; rate limits are off: the bench drives one key at full speed.
MPORT=9092
KEY=bench-admin-key-0123456789
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; [ -n "${APP:-}" ] && kill $APP 2>/dev/null || true' EXIT

psql -h localhost -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MPORT LOYALTY_RATE_LIMIT_ENABLED=false LOYALTY_ADMIN_API_KEY=$KEY \
  java -Xmx${HEAP:-256m} -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 60); do curl -sf localhost:$MPORT/q/health/ready > /dev/null && break; sleep 1; done
if [ "${SUMMARY:-on}" = off ]; then
  for t in customer_insert customer_update customer_delete customer_truncate order_insert order_truncate; do
    psql -h localhost -U postgres -d $DB -q -c "ALTER TABLE orders DISABLE TRIGGER metrics_$t"
  done
  echo "metrics read model triggers disabled"
fi

import() { # file, label
  local start end location status job
  start=$(date +%s.%N)
  location=$(curl -s -D - -o /dev/null -X POST "localhost:$PORT/api/v1/imports/orders" -H "X-API-Key: $KEY" \
    -H 'Content-Type: text/csv' --data-binary @"$1" | tr -d '\r' | awk '/^[Ll]ocation:/ {print $2}')
  while :; do
    job=$(curl -s "$location" -H "X-API-Key: $KEY")
    status=$(echo "$job" | sed -E 's/.*"status":"([A-Z]+)".*/\1/')
    [ "$status" = COMPLETED ] || [ "$status" = FAILED ] && break
    sleep 0.2
  done
  end=$(date +%s.%N)
  echo "$job" | python3 -c "
import json, sys
from datetime import datetime
j = json.load(sys.stdin)
p = lambda s: datetime.fromisoformat(s.replace('Z', '+00:00'))
secs = (p(j['finishedAt']) - p(j['startedAt'])).total_seconds()
wall = $end - $start
print(f\"$2: {j['status']} read {j['rowsRead']:,} imported {j['imported']:,} rejected {j['rejected']} customers {j['customersCreated']:,}\")
print(f\"  processing {secs:.1f} s = {j['imported'] / secs:,.0f} orders/s; with upload {wall:.1f} s = {j['imported'] / wall:,.0f} orders/s\")"
}

echo "== generating $N orders"
"$HERE/generate-orders.sh" "$N" > "$WORK/orders.csv"
ls -l "$WORK/orders.csv" | awk '{printf "%s bytes, ", $5}'; wc -l < "$WORK/orders.csv" | awk '{print $1 " lines"}'
import "$WORK/orders.csv" "generated"
echo "  peak RSS of the application: $(grep VmHWM /proc/$APP/status | awk '{print $2/1024 " MB"}')"

CDNOW="$ROOT/../shared/data/cdnow/CDNOW_master.txt"
if [ -f "$CDNOW" ]; then
  awk '{ sub(/\r$/, "") } NR > 1 && NF >= 4 { printf "cdnow-%d,cdnow-c%s,%s-%s-%s,USD,%s,,,,,\n", NR, $1, substr($2,1,4), substr($2,5,2), substr($2,7,2), $4 }
       BEGIN { print "externalId,customerExternalId,placedAt,currency,total,sku,name,category,quantity,unitPrice" }' \
       "$CDNOW" > "$WORK/cdnow.csv"
  import "$WORK/cdnow.csv" "CDNOW master"
fi
kill $APP; wait $APP 2>/dev/null || true; APP=
psql -h localhost -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
