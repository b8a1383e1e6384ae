-- The metrics read model: per customer, their counted orders (not fully returned, at net value) summed up, so that
-- RFM, the lifetime purchase figures and "first order ever" read one row per customer instead of the whole order
-- history. Owned by the metrics package. Kept exact in the writing transaction by statement triggers on orders, so
-- that every writer (the order path, batches, imports, returns) keeps it without knowing of it, and a metric asked
-- right after a write sees it.
CREATE TABLE metrics_customer (
    customer_id uuid PRIMARY KEY,
    first_at    timestamptz NOT NULL,
    second_at   timestamptz,
    last_at     timestamptz NOT NULL,
    -- the second latest (equal to last_at when two orders share that instant): with last_at, whether the customer
    -- ordered twice since a date
    before_last_at timestamptz,
    orders      bigint      NOT NULL CHECK (orders > 0),
    net         numeric     NOT NULL,
    cur_min     char(3)     NOT NULL,
    cur_max     char(3)     NOT NULL
);
-- "Customers with an order at or after t": the few whose summary must be corrected for an earlier t.
CREATE INDEX metrics_customer_last_at_idx ON metrics_customer (last_at);

-- New orders: one upsert per statement (a batch or an import is one set-based statement, not one per row), in
-- customer id order so that concurrent statements take the summary rows' locks in one order. second_at is the second
-- smallest of the old pair and the new pair (least() ignores nulls), before_last_at the second greatest.
CREATE FUNCTION metrics_customer_orders_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO metrics_customer AS m (customer_id, first_at, second_at, last_at, before_last_at, orders, net, cur_min, cur_max)
    SELECT customer_id, t[1], t[2], u[1], u[2], n, net, cur_min, cur_max
    FROM (SELECT customer_id, (array_agg(placed_at ORDER BY placed_at))[1:2] AS t, (array_agg(placed_at ORDER BY placed_at DESC))[1:2] AS u,
                 count(*) AS n, sum(total - returned_amount) AS net, min(currency) AS cur_min, max(currency) AS cur_max
          FROM new_orders WHERE status <> 'RETURNED' GROUP BY customer_id ORDER BY customer_id) x
    ON CONFLICT (customer_id) DO UPDATE SET
        first_at  = least(m.first_at, EXCLUDED.first_at),
        second_at = CASE WHEN m.first_at <= EXCLUDED.first_at THEN least(m.second_at, EXCLUDED.first_at)
                         ELSE least(EXCLUDED.second_at, m.first_at) END,
        last_at   = greatest(m.last_at, EXCLUDED.last_at),
        before_last_at = CASE WHEN m.last_at >= EXCLUDED.last_at THEN greatest(m.before_last_at, EXCLUDED.last_at)
                              ELSE greatest(EXCLUDED.before_last_at, m.last_at) END,
        orders    = m.orders + EXCLUDED.orders,
        net       = m.net + EXCLUDED.net,
        cur_min   = least(m.cur_min, EXCLUDED.cur_min),
        cur_max   = greatest(m.cur_max, EXCLUDED.cur_max);
    RETURN NULL;
END $$;

-- Customers whose orders changed (a return) or went: their rows are counted again from their orders. The rows are
-- locked first, in id order, so that the recount (a later statement, hence a later snapshot) sees every order
-- committed by a writer that held them; a writer coming after waits, then adds its order to the recounted row. Rows
-- are overwritten, not deleted and inserted again, so that several recounts of one customer queue on the same row; a
-- customer left without counted orders loses the row.
CREATE FUNCTION metrics_customer_recount(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM metrics_customer WHERE customer_id = ANY (ids) ORDER BY customer_id FOR UPDATE;
    INSERT INTO metrics_customer AS m (customer_id, first_at, second_at, last_at, before_last_at, orders, net, cur_min, cur_max)
    SELECT customer_id, t[1], t[2], u[1], u[2], n, net, cur_min, cur_max
    FROM (SELECT customer_id, (array_agg(placed_at ORDER BY placed_at))[1:2] AS t, (array_agg(placed_at ORDER BY placed_at DESC))[1:2] AS u,
                 count(*) AS n, sum(total - returned_amount) AS net, min(currency) AS cur_min, max(currency) AS cur_max
          FROM orders WHERE customer_id = ANY (ids) AND status <> 'RETURNED' GROUP BY customer_id ORDER BY customer_id) x
    ON CONFLICT (customer_id) DO UPDATE SET first_at = EXCLUDED.first_at, second_at = EXCLUDED.second_at,
        last_at = EXCLUDED.last_at, before_last_at = EXCLUDED.before_last_at, orders = EXCLUDED.orders, net = EXCLUDED.net, cur_min = EXCLUDED.cur_min,
        cur_max = EXCLUDED.cur_max;
    DELETE FROM metrics_customer m WHERE m.customer_id = ANY (ids)
        AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = m.customer_id AND o.status <> 'RETURNED');
END $$;

CREATE FUNCTION metrics_customer_orders_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    SELECT array_agg(DISTINCT v.id) INTO ids
    FROM (SELECT o.customer_id AS was, n.customer_id AS now FROM old_orders o JOIN new_orders n ON n.id = o.id
          WHERE (o.status, o.total, o.returned_amount, o.placed_at, o.currency, o.customer_id)
                IS DISTINCT FROM (n.status, n.total, n.returned_amount, n.placed_at, n.currency, n.customer_id)) x,
         LATERAL (VALUES (x.was), (x.now)) v (id);
    IF ids IS NOT NULL THEN
        PERFORM metrics_customer_recount(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION metrics_customer_orders_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    SELECT array_agg(DISTINCT customer_id) INTO ids FROM old_orders;
    IF ids IS NOT NULL THEN
        PERFORM metrics_customer_recount(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION metrics_customer_orders_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE metrics_customer;
    RETURN NULL;
END $$;

CREATE TRIGGER metrics_customer_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS new_orders
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_customer_orders_inserted();
CREATE TRIGGER metrics_customer_update AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_orders NEW TABLE AS new_orders
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_customer_orders_updated();
CREATE TRIGGER metrics_customer_delete AFTER DELETE ON orders REFERENCING OLD TABLE AS old_orders
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_customer_orders_deleted();
CREATE TRIGGER metrics_customer_truncate AFTER TRUNCATE ON orders
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_customer_orders_truncated();

INSERT INTO metrics_customer (customer_id, first_at, second_at, last_at, before_last_at, orders, net, cur_min, cur_max)
SELECT customer_id, t[1], t[2], u[1], u[2], n, net, cur_min, cur_max
FROM (SELECT customer_id, (array_agg(placed_at ORDER BY placed_at))[1:2] AS t, (array_agg(placed_at ORDER BY placed_at DESC))[1:2] AS u,
             count(*) AS n, sum(total - returned_amount) AS net, min(currency) AS cur_min, max(currency) AS cur_max
      FROM orders WHERE status <> 'RETURNED' GROUP BY customer_id) x;
