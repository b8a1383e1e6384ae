#!/usr/bin/env bash
# What the metrics indexes (V11) and a per-customer aggregate would cost the order path, on the 10M store itself
# (indexes of realistic size): pgbench runs order-tx-10m.sql, CLIENTS clients for DURATION seconds each, in turn
#   1. V11 indexes and the customer_order_stats upsert;  2. V11 indexes only;  3. neither (V11 dropped, rebuilt after).
# The orders it writes are placed "now" (after the generated history) and deleted at the end.
# Usage: src/bench/metrics/aggregate/order-path.sh   (env: DB, CLIENTS 4, DURATION 30)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
DB=${DB:-loyalty_bench10m}
CLIENTS=${CLIENTS:-4}
DURATION=${DURATION:-30}
PSQL=(psql -h localhost -U postgres -d "$DB" -X -q -v ON_ERROR_STOP=1)
KEY=$("${PSQL[@]}" -Atc "SELECT id FROM api_key LIMIT 1")
MARK=$("${PSQL[@]}" -Atc "SELECT now()")
"${PSQL[@]}" -c "DROP TABLE IF EXISTS bench_pick" -c "CREATE TABLE bench_pick AS SELECT row_number() OVER () AS n,
  m.customer_id, m.id AS membership_id FROM membership m JOIN programme p ON p.id = m.programme_id AND p.name = 'Points'
  WHERE m.ended_at IS NULL" -c "ALTER TABLE bench_pick ADD PRIMARY KEY (n)" -c "ANALYZE bench_pick"
MEMBERS=$("${PSQL[@]}" -Atc "SELECT count(*) FROM bench_pick")
[ "$("${PSQL[@]}" -Atc "SELECT to_regclass('customer_order_stats') IS NOT NULL")" = t ] || "${PSQL[@]}" -f "$HERE/customer-stats.sql"
run() {
  printf '%-34s load %s  ' "$1" "$(cut -d' ' -f1 /proc/loadavg)"
  pgbench -h localhost -U postgres -n -c "$CLIENTS" -j 2 -T "$DURATION" -D members="$MEMBERS" -D key="$KEY" -D stats="$2" \
    -f "$HERE/order-tx-10m.sql" "$DB" 2>&1 | grep -E "^tps" | sed 's/ (without initial connection time)//'
}
run "V11 indexes + stats upsert" 1
run "V11 indexes" 0
"${PSQL[@]}" -c "DROP INDEX orders_counted_placed_idx, orders_counted_customer_idx, ledger_entry_occurred_idx"
run "without V11 (migrations V1-V10)" 0
run "without V11 + stats upsert" 1
PGOPTIONS="-c maintenance_work_mem=1GB" "${PSQL[@]}" -f "$ROOT/src/main/resources/db/migration/V11__metrics_indexes.sql"
# Remove what the runs wrote (the ledger is append-only: its trigger is skipped for this clean-up only).
"${PSQL[@]}" <<SQL
SET session_replication_role = replica;
DELETE FROM point_lot WHERE earned_at >= '$MARK';
DELETE FROM ledger_entry WHERE occurred_at >= '$MARK';
DELETE FROM order_line WHERE order_id IN (SELECT id FROM orders WHERE placed_at >= '$MARK');
DELETE FROM orders WHERE placed_at >= '$MARK';
UPDATE membership m SET balance = coalesce(l.balance, 0), earned = coalesce(l.earned, 0), last_order_at = l.last
  FROM membership m2 LEFT JOIN (SELECT membership_id, sum(points) AS balance, sum(points) FILTER (WHERE type = 'EARN') AS earned,
               max(occurred_at) FILTER (WHERE type = 'EARN') AS last FROM ledger_entry GROUP BY membership_id) l
         ON l.membership_id = m2.id
 WHERE m.id = m2.id AND m.last_order_at >= '$MARK';
DROP TABLE bench_pick;
SQL
"${PSQL[@]}" -f "$HERE/customer-stats.sql"
