#!/usr/bin/env bash
# Cross-check: the endpoints' figures (bodies bench.sh kept in $OUT) beside the ceiling SQL's (ceiling/run.sh
# output in $CEIL, default the same directory). Prints both; differences are to be read, not hidden.
set -euo pipefail
OUT=${OUT:-/tmp/bench10m-metrics}
CEIL=${CEIL:-$OUT}
show() { echo "== $1"; }
if [ -s "$OUT/rfm.json" ] && grep -q segments "$OUT/rfm.json"; then
  show "RFM summary: endpoint (segment, customers, orders, revenue)"
  jq -r '.segments[] | select(.customers > 0) | [.segment, .customers, .orders, .revenue] | @tsv' "$OUT/rfm.json" | sort
  show "RFM summary: ceiling"
  grep '|' "$CEIL/rfm.out" | tail -n +2 | tr -s ' ' | sed 's/ | /\t/g; s/^ //'
fi
if [ -s "$OUT/programme.json" ] && grep -q issued "$OUT/programme.json"; then
  show "Programme: endpoint"
  jq -c 'del(.comparison, .rewardCost, .inputs)' "$OUT/programme.json"
  show "Programme: ceiling"
  grep -v '^Time' "$CEIL/programme.out"
  show "Members vs non-members: endpoint"
  jq -r '.membersVersusNonMembers.segments[] | select(.members + .nonMembers > 0) | [.segment, .members, .memberRevenue, .nonMembers, .nonMemberRevenue] | @tsv' "$OUT/programme.json" | sort
  jq -c '.rewardCost' "$OUT/programme.json"
  show "Members vs non-members: ceiling"
  grep -v '^Time' "$CEIL/programme-uplift.out"
fi
for m in retention purchases cohorts retention-series; do
  if [ -s "$OUT/$m.json" ] && ! grep -q '"status":404' "$OUT/$m.json"; then
    show "$m: endpoint"; jq -c 'del(.inputs)' "$OUT/$m.json" | cut -c1-3000
    show "$m: ceiling"; grep -v '^Time' "$CEIL/$m.out" | head -40
  fi
done
