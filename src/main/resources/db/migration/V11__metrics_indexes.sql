-- Indexes for the metrics (io.loyalty.metrics), measured on the 10-million-order store of src/bench/metrics.
-- Every metric counts the orders not fully returned at their net value: these two partial indexes hold exactly
-- those orders with the columns the metrics read, so a period is an index-only range scan (no visit to the
-- 200-byte order rows) and "did this customer order before?" is one index-only probe.
CREATE INDEX IF NOT EXISTS orders_counted_placed_idx ON orders (placed_at) INCLUDE (customer_id, total, returned_amount)
    WHERE status <> 'RETURNED';
CREATE INDEX IF NOT EXISTS orders_counted_customer_idx ON orders (customer_id, placed_at) INCLUDE (total, returned_amount)
    WHERE status <> 'RETURNED';
-- Points issued, redeemed, expired and reversed in a period, and what happened after a date (outstanding points
-- at `to` = the balances now minus what moved since): a range of the ledger by time.
CREATE INDEX IF NOT EXISTS ledger_entry_occurred_idx ON ledger_entry (occurred_at) INCLUDE (membership_id, type, points);
