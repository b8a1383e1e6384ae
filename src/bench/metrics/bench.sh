#!/usr/bin/env bash
# Times every metrics endpoint against the packaged application on the store load.sh built, beside the ceiling
# SQL (ceiling/run.sh) of the same figures: median of RUNS (default 5) after one warm-up call each, the ratio, and
# the application's resident memory before and after. Bodies are kept in $OUT for the cross-check (compare.sh).
# Usage (from the repository root, after ./mvnw package -DskipTests and load.sh):
#   src/bench/metrics/bench.sh    (env: DB, RUNS, PORT/MPORT 18225/18226, HEAP, SKIP_CEILING=1, ONLY="rfm programme",
#                                  ANALYTICS_OPTIONS="-c statement_timeout=60000 -c jit=off -c work_mem=64MB")
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
DB=${DB:-loyalty_bench10m}
RUNS=${RUNS:-5}
PORT=${PORT:-18225}
MPORT=${MPORT:-18226}
HEAP=${HEAP:-512m}
API_KEY=${API_KEY:-bench-metrics-admin-key-0123456789}
# Session settings of the analytics datasource; empty = as application.properties ships them.
ANALYTICS_OPTIONS=${ANALYTICS_OPTIONS:-}
export FROM=${FROM:-2026-08-01T00:00:00Z} TO=${TO:-2026-11-01T00:00:00Z} COHORT_FROM=${COHORT_FROM:-2024-11-01T00:00:00Z}
export SERIES_FROM=${SERIES_FROM:-2025-11-01T00:00:00Z} DB RUNS
export OUT=${OUT:-/tmp/bench10m-metrics}
mkdir -p "$OUT"
PROGRAMME=$(psql -h localhost -U postgres -d "$DB" -Atc "SELECT id FROM programme WHERE name = 'Points'")
export PROGRAMME

EXTRA=()
[ -n "$ANALYTICS_OPTIONS" ] && EXTRA=("-Dquarkus.datasource.analytics.jdbc.additional-jdbc-properties.options=$ANALYTICS_OPTIONS")
java -Xmx$HEAP "${EXTRA[@]}" -Dquarkus.http.port=$PORT -Dquarkus.management.port=$MPORT \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/$DB -Dloyalty.admin-api-key=$API_KEY \
  -Dloyalty.rate-limit.enabled=false -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf localhost:$MPORT/q/health/ready > /dev/null && break; sleep 1; done
rss() { echo $(( $(ps -o rss= -p $APP) / 1024 )); }
RSS0=$(rss)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
BASE=http://localhost:$PORT/api/v1/metrics
declare -A EP=(
  [retention]="retention?from=$FROM&to=$TO&activityWindow=P90D"
  [retention-series]="retention/series?from=$SERIES_FROM&to=$TO&interval=P1M&activityWindow=P90D"
  [purchases]="purchases?from=$FROM&to=$TO"
  [cohorts]="cohorts?from=$COHORT_FROM&to=$TO&granularity=month"
  [rfm]="rfm?asOf=$TO"
  [rfm-customers]="rfm/customers?asOf=$TO&limit=100"
  [programme]="programmes/$PROGRAMME?from=$FROM&to=$TO"
)
ORDER=${ONLY:-retention retention-series purchases cohorts rfm rfm-customers programme}
declare -A MS
for name in $ORDER; do
  url="$BASE/${EP[$name]}"
  curl -s -o "$OUT/$name.json" -H "X-API-Key: $API_KEY" "$url" -w '%{http_code}' > "$OUT/$name.status"   # warm-up
  for _ in $(seq 1 "$RUNS"); do
    curl -s -o "$OUT/$name.json" -H "X-API-Key: $API_KEY" "$url" -w '%{http_code} %{time_total}\n'
  done > "$OUT/$name.times"
  MS[$name]=$(awk '{print $2 * 1000}' "$OUT/$name.times" | median)
  echo "$name: HTTP $(cut -d' ' -f1 "$OUT/$name.times" | sort | uniq -c | tr '\n' ' ') median ${MS[$name]} ms, RSS $(rss) MB"
done
RSS1=$(rss)
kill $APP; wait $APP 2>/dev/null || true

if [ "${SKIP_CEILING:-0}" != 1 ]; then
  "$HERE/ceiling/run.sh" > "$OUT/ceilings.txt"
fi
cat "$OUT/ceilings.txt"
# purchases and RFM read the metrics read model (V19): their ceilings do too (purchases.sql and rfm.sql, from the
# orders alone, still run for the cross-check and as the figures before it).
declare -A CEIL=([retention]=retention [retention-series]=retention-series [purchases]=purchases-summary [cohorts]=cohorts
  [rfm]=rfm-summary [rfm-customers]=rfm-summary [programme]=programme+uplift)
echo
printf '| %-16s | %12s | %12s | %6s |\n' endpoint "API (ms)" "ceiling (ms)" ratio
printf '|%s|%s|%s|%s|\n' ------------------ -------------- -------------- --------
for name in $ORDER; do
  if [ "${CEIL[$name]}" = programme+uplift ]; then
    c=$(awk '$1 == "programme" || $1 == "programme-uplift" {s += $2} END {print s}' "$OUT/ceilings.txt")
  else
    c=$(awk -v n="${CEIL[$name]}" '$1 == n {print $2}' "$OUT/ceilings.txt")
  fi
  printf '| %-16s | %12.0f | %12.0f | %6.2f |\n' "$name" "${MS[$name]}" "$c" "$(echo "${MS[$name]} / $c" | bc -l)"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; analytics options: ${ANALYTICS_OPTIONS:-as shipped}"
echo "resident memory: $RSS0 MB after start, $RSS1 MB after the runs (heap -Xmx$HEAP)"
