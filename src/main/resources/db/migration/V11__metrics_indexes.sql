-- Indexes for the metrics (io.loyalty.metrics), measured on the 10-million-order store of src/bench/metrics.
-- Every metric counts the orders not fully returned at their net value (OrderScope): these two partial indexes hold
-- exactly those orders with every column OrderScope reads, so a period is an index-only range scan (no visit to
-- the 200-byte order rows) and "did this customer order before?" is one index-only probe. Inserting into them
-- cost no measurable throughput on the order path (src/bench/README.md).
CREATE INDEX IF NOT EXISTS orders_counted_placed_idx ON orders (placed_at)
    INCLUDE (customer_id, total, returned_amount, currency) WHERE status <> 'RETURNED';
CREATE INDEX IF NOT EXISTS orders_counted_customer_idx ON orders (customer_id, placed_at)
    INCLUDE (total, returned_amount, currency) WHERE status <> 'RETURNED';
-- Points issued, redeemed, expired and reversed in a period, and what moved after a date (a membership's balance
-- at `to` is its stored balance minus what its ledger moved since): a range of the ledger by time.
CREATE INDEX IF NOT EXISTS ledger_entry_occurred_idx ON ledger_entry (occurred_at) INCLUDE (membership_id, type, points);
