#!/usr/bin/env bash
# Runs every ceiling query RUNS times (default 5) on database DB and prints the median execution time (psql
# \timing, client side, warm cache) and the figures of the last run.
# Usage: src/bench/metrics/ceiling/run.sh   (env: DB, RUNS, FROM, TO, WINDOW, ASOF, COHORT_FROM, SERIES_FROM, PROGRAMME)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DB=${DB:-loyalty_bench10m}
RUNS=${RUNS:-5}
FROM=${FROM:-2026-08-01T00:00:00Z}          # the last quarter of the generated history
TO=${TO:-2026-11-01T00:00:00Z}
WINDOW=${WINDOW:-P90D}
ASOF=${ASOF:-$TO}
COHORT_FROM=${COHORT_FROM:-2024-11-01T00:00:00Z}   # 24 months
SERIES_FROM=${SERIES_FROM:-2025-11-01T00:00:00Z}   # 12 monthly steps
PROGRAMME=${PROGRAMME:-$(psql -h localhost -U postgres -d "$DB" -Atc "SELECT id FROM programme WHERE name = 'Points'")}
# The same session settings the application's analytics datasource uses (application.properties); PGOPTIONS= to
# measure with the server defaults.
export PGOPTIONS=${PGOPTIONS--c jit=off -c work_mem=64MB}
PSQL=(psql -h localhost -U postgres -d "$DB" -X -q -v ON_ERROR_STOP=1 -v window="$WINDOW" -v zone=UTC -v programme="$PROGRAMME")
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {  # name file from to
  local name=$1 file=$2
  { echo '\timing on'; echo '\o /dev/null'; for _ in $(seq 2 "$RUNS"); do echo "\\i $HERE/$file"; done
    echo '\o'; echo "\\i $HERE/$file"; } > "$OUT/$name.psql"
  "${PSQL[@]}" -v from="$3" -v to="$4" -v asOf="$ASOF" -f "$OUT/$name.psql" > "$OUT/$name.out"
  printf '%-22s %10.1f ms\n' "$name" "$(grep '^Time:' "$OUT/$name.out" | awk '{print $2}' | median)"
}
echo "ceilings on $DB, median of $RUNS (ms), PGOPTIONS='$PGOPTIONS', load $(cut -d' ' -f1-3 /proc/loadavg); figures in $OUT"
run retention retention.sql "$FROM" "$TO"
run retention-series series.sql "$SERIES_FROM" "$TO"
run purchases purchases.sql "$FROM" "$TO"
run purchases-period purchases-period.sql "$FROM" "$TO"
run purchases-summary purchases-summary.sql "$FROM" "$TO"
run cohorts cohorts.sql "$COHORT_FROM" "$TO"
run rfm rfm.sql "$FROM" "$TO"
run rfm-summary rfm-summary.sql "$FROM" "$TO"
run programme programme.sql "$FROM" "$TO"
run programme-uplift programme-uplift.sql "$FROM" "$TO"
