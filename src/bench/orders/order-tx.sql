-- The statements one POST /api/v1/orders sends, without the application: the ceiling for this design.
-- The API key and the active programmes come from the application's memory, so they cost no statement;
-- the order's rows are written in multi-row statements as pgjdbc's rewritten batches send them.
-- Variables: customers, key (an api_key id).
\set c random(0, :customers - 1)
\set n random(1, 2000000000)
BEGIN;
SELECT id AS customer_id FROM customer WHERE external_id = 'bench-c' || :c \gset
SELECT m.id AS points_membership FROM membership m JOIN programme p ON p.id = m.programme_id
  WHERE m.customer_id = ':customer_id' ORDER BY (p.name = 'Points') DESC, m.id LIMIT 1 \gset
SELECT m.id AS card_membership FROM membership m JOIN programme p ON p.id = m.programme_id
  WHERE m.customer_id = ':customer_id' ORDER BY (p.name = 'Chai card') DESC, m.id LIMIT 1 \gset
-- what the application does with its membership query: lock both rows
SELECT id, programme_id, balance FROM membership WHERE customer_id = ':customer_id' ORDER BY id FOR UPDATE;
INSERT INTO stamp_card (membership_id, rule_id, stamps, completed, last_completed) VALUES (':card_membership', 'chai', 2, 0, 0)
  ON CONFLICT (membership_id, rule_id) DO UPDATE
  SET stamps = (stamp_card.stamps + 2) % 10, completed = stamp_card.completed + (stamp_card.stamps + 2) / 10,
      last_completed = (stamp_card.stamps + 2) / 10
  RETURNING stamps, last_completed;
SELECT gen_random_uuid() AS e1, gen_random_uuid() AS e2, gen_random_uuid() AS o \gset
INSERT INTO ledger_entry (id, membership_id, type, points, balance_after, order_id, rule_id, basis_lines, api_key_id, occurred_at, created_at)
  VALUES (':e1', ':points_membership', 'EARN', 230, 230, ':o', 'spend', '{1,2}', ':key', now(), now()),
         (':e2', ':points_membership', 'EARN', 110, 340, ':o', 'snacks', '{2}', ':key', now(), now());
INSERT INTO point_lot (entry_id, membership_id, points, remaining, earned_at, available_from, expires_at)
  VALUES (':e1', ':points_membership', 230, 230, now(), now(), now() + interval '12 months'),
         (':e2', ':points_membership', 110, 110, now(), now(), now() + interval '12 months');
UPDATE membership SET balance = balance + 340, earned = earned + 340, last_order_at = now() WHERE id = ':points_membership';
UPDATE membership SET last_order_at = now() WHERE id = ':card_membership';
INSERT INTO orders (id, api_key_id, external_id, customer_id, placed_at, currency, subtotal, discount, shipping, total, returned_amount,
                    status, accrue, request_hash, accrual, created_at)
  VALUES (':o', ':key', 'pg-' || :n || '-' || ':o', ':customer_id', now(), 'INR', 230, 0, 0, 230, 0, 'PLACED', true, '\x00', '[]', now());
INSERT INTO order_line (order_id, line_no, sku, category, quantity, unit_price)
  VALUES (':o', 1, 'CHAI', 'drinks', 2, 60), (':o', 2, 'SAMOSA', 'snacks', 2, 55);
COMMIT;
