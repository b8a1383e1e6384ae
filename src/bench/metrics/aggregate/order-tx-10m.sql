-- One earning order on the 10M store, as order-tx.sql (src/bench/orders) writes it: membership lock, EARN entry
-- and its lot, membership counters, the order and its line. Run by order-path.sh with and without the stats
-- upsert (STATS=1) and the V11 indexes. Variables: members (rows of bench_pick), key, stats (0/1).
\set n random(1, :members)
\set total random(100, 5000)
BEGIN;
SELECT customer_id, membership_id FROM bench_pick WHERE n = :n \gset
SELECT id, balance FROM membership WHERE customer_id = ':customer_id' ORDER BY id FOR UPDATE;
SELECT gen_random_uuid() AS e1, gen_random_uuid() AS o \gset
INSERT INTO ledger_entry (id, membership_id, type, points, balance_after, order_id, rule_id, basis_lines, api_key_id, occurred_at, created_at)
  VALUES (':e1', ':membership_id', 'EARN', :total, 0, ':o', 'spend', '{1}', ':key', now(), now());
INSERT INTO point_lot (entry_id, membership_id, points, remaining, earned_at, available_from, expires_at)
  VALUES (':e1', ':membership_id', :total, :total, now(), now(), now() + interval '12 months');
UPDATE membership SET balance = balance + :total, earned = earned + :total, last_order_at = now() WHERE id = ':membership_id';
INSERT INTO orders (id, api_key_id, external_id, customer_id, placed_at, currency, subtotal, discount, shipping, total, returned_amount,
                    status, accrue, request_hash, accrual, created_at, channel)
  VALUES (':o', ':key', 'pg-' || ':o', ':customer_id', now(), 'INR', :total, 0, 0, :total, 0, 'PLACED', true, '\x00', '[]', now(), 'web');
INSERT INTO order_line (order_id, line_no, sku, category, quantity, unit_price) VALUES (':o', 1, 'SKU-1', 'grocery', 1, :total);
\if :stats
INSERT INTO customer_order_stats AS s (customer_id, first_order_at, second_order_at, last_order_at, orders, net)
  VALUES (':customer_id', now(), NULL, now(), 1, :total)
  ON CONFLICT (customer_id) DO UPDATE SET orders = s.orders + 1, net = s.net + excluded.net,
    second_order_at = CASE WHEN excluded.first_order_at < s.first_order_at THEN s.first_order_at
                           WHEN s.second_order_at IS NULL OR excluded.first_order_at < s.second_order_at THEN excluded.first_order_at
                           ELSE s.second_order_at END,
    first_order_at = least(s.first_order_at, excluded.first_order_at),
    last_order_at = greatest(s.last_order_at, excluded.last_order_at);
\endif
COMMIT;
