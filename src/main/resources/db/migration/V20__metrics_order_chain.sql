-- The metrics read model, second part: every counted order (not fully returned) with its place in its customer's
-- history: the customer's previous counted order (prev_at), first one (first_at), the order's rank (seq) and the
-- net revenue through it (cum_net). Orders of one customer are ranked by (placed_at, order_id).
--
-- It turns "per customer" questions about a period into filters on the period's own rows, with no grouping: the
-- customers with an order in (a, b] are the rows there whose prev_at is at or before a (one row per customer, the
-- first in the range); a customer's history before t is read on their first order at or after t (prev_at, seq - 1,
-- cum_net - net). Retention, cohorts, RFM as of a past instant and the programme comparison read it. Owned by the
-- metrics package, kept exact in the writing transaction by statement triggers on orders, as metrics_customer (V19).
CREATE TABLE metrics_order (
    customer_id uuid        NOT NULL,
    placed_at   timestamptz NOT NULL,
    order_id    uuid        NOT NULL,
    prev_at     timestamptz,
    first_at    timestamptz NOT NULL,
    seq         integer     NOT NULL CHECK (seq > 0),
    net         numeric     NOT NULL,
    cum_net     numeric     NOT NULL,
    PRIMARY KEY (customer_id, placed_at, order_id)
);

-- Rows of a period in one index range, carrying what retention and cohorts filter on (an index-only scan). Not the
-- customer: 30 % more index for what only the few rows retention joins per customer need (360 ms against 275 ms for
-- a quarter's retention scan at 10M orders).
CREATE INDEX metrics_order_placed_at_idx ON metrics_order (placed_at) INCLUDE (prev_at, first_at);

-- New orders, in a trigger of its own that fires after V19's (triggers of one event fire in name order:
-- metrics_customer_insert, then metrics_order_insert), so the customers' summary rows are already written and locked,
-- in id order, by this transaction. A customer's one new order placed after all their others (the common case) is
-- ranked from that row: its previous order is the latest but one, its rank the count, its running net the net. Any
-- other (several new orders of a customer in one statement, an order placed before others, as an import may write)
-- re-ranks the customer's history from their earliest new order on, continuing from the last row before it (carried
-- in as a first row, so that one window numbers and sums them all). Neither reads the orders table, which a bulk load
-- may leave without indexes until it ends.
--
-- PL/pgSQL plans a statement once per connection and keeps the plan until the tables are analysed again; a plan made
-- while metrics_order was small could scan all of it for every order once it is large (a fresh test database slowed
-- to minutes per import this way). So every read of the read model here is a lateral subquery the planner cannot turn
-- into a join (LIMIT, OFFSET 0, or a key lookup) and sequential scans are off: index lookups of the statement's
-- customers, whatever the statistics say.
CREATE FUNCTION metrics_order_orders_inserted() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
    appended bigint;
BEGIN
    INSERT INTO metrics_order (customer_id, placed_at, order_id, prev_at, first_at, seq, net, cum_net)
    SELECT c.customer_id, c.placed_at, c.id, m.before_last_at, m.first_at, m.orders, c.net, m.net
    FROM (SELECT customer_id, count(*) AS k, (array_agg(id))[1] AS id, max(placed_at) AS placed_at,
                 sum(total - returned_amount) AS net
          FROM new_orders WHERE status <> 'RETURNED' GROUP BY customer_id) c
    CROSS JOIN LATERAL (SELECT * FROM metrics_customer m WHERE m.customer_id = c.customer_id OFFSET 0) m
    WHERE c.k = 1 AND m.last_at = c.placed_at AND (m.orders = 1 OR m.before_last_at < m.last_at);
    GET DIAGNOSTICS appended = ROW_COUNT;
    IF appended = (SELECT count(*) FROM new_orders WHERE status <> 'RETURNED') THEN
        RETURN NULL;
    END IF;
    WITH n AS (SELECT o.id, o.customer_id, o.placed_at, o.total - o.returned_amount AS net FROM new_orders o
               WHERE o.status <> 'RETURNED' AND NOT EXISTS (SELECT 1 FROM metrics_order mo WHERE mo.customer_id = o.customer_id
                                                              AND mo.placed_at = o.placed_at AND mo.order_id = o.id)),
    s AS (SELECT customer_id, min(placed_at) AS start FROM n GROUP BY customer_id),
    x AS (SELECT customer_id, placed_at, id, net AS amount, false AS before, NULL::integer AS seq, NULL::timestamptz AS first_at
          FROM n
          UNION ALL
          SELECT b.customer_id, b.placed_at, b.order_id, b.net, false, NULL, NULL FROM s CROSS JOIN LATERAL
              (SELECT * FROM metrics_order b WHERE b.customer_id = s.customer_id AND b.placed_at >= s.start OFFSET 0) b
          UNION ALL
          SELECT p.customer_id, p.placed_at, p.order_id, p.cum_net, true, p.seq, p.first_at FROM s CROSS JOIN LATERAL
              (SELECT * FROM metrics_order b WHERE b.customer_id = s.customer_id AND b.placed_at < s.start
               ORDER BY b.placed_at DESC, b.order_id DESC LIMIT 1) p),
    r AS (SELECT customer_id, placed_at, id, before, amount, lag(placed_at) OVER w AS prev_at,
                 first_value(coalesce(first_at, placed_at)) OVER w AS first_at,
                 row_number() OVER w + coalesce(first_value(seq) OVER w - 1, 0) AS seq, sum(amount) OVER w AS cum_net
          FROM x WINDOW w AS (PARTITION BY customer_id ORDER BY placed_at, id ROWS UNBOUNDED PRECEDING))
    INSERT INTO metrics_order AS mo (customer_id, placed_at, order_id, prev_at, first_at, seq, net, cum_net)
    SELECT customer_id, placed_at, id, prev_at, first_at, seq, amount, cum_net FROM r WHERE NOT before
    ON CONFLICT (customer_id, placed_at, order_id) DO UPDATE SET prev_at = EXCLUDED.prev_at, first_at = EXCLUDED.first_at,
        seq = EXCLUDED.seq, cum_net = EXCLUDED.cum_net
    WHERE (mo.prev_at, mo.first_at, mo.seq, mo.cum_net) IS DISTINCT FROM
          (EXCLUDED.prev_at, EXCLUDED.first_at, EXCLUDED.seq, EXCLUDED.cum_net);
    RETURN NULL;
END $$;

-- Returns and other changes: V19's recount (which locks the customers' summary rows first, in id order) under
-- another name, then the customers' histories ranked again from their orders. V19's update and delete triggers call
-- metrics_customer_recount by name, so they now call both.
ALTER FUNCTION metrics_customer_recount(uuid[]) RENAME TO metrics_customer_recount_summary;
CREATE FUNCTION metrics_customer_recount(ids uuid[]) RETURNS void LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
    PERFORM metrics_customer_recount_summary(ids);
    -- rows changed only where they differ
    DELETE FROM metrics_order mo WHERE mo.customer_id = ANY (ids)
        AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = mo.order_id AND o.customer_id = mo.customer_id
                        AND o.placed_at = mo.placed_at AND o.status <> 'RETURNED');
    INSERT INTO metrics_order AS mo (customer_id, placed_at, order_id, prev_at, first_at, seq, net, cum_net)
    SELECT customer_id, placed_at, id, lag(placed_at) OVER w, first_value(placed_at) OVER w, row_number() OVER w, net,
           sum(net) OVER w
    FROM (SELECT id, customer_id, placed_at, total - returned_amount AS net FROM orders
          WHERE customer_id = ANY (ids) AND status <> 'RETURNED') o
    WINDOW w AS (PARTITION BY customer_id ORDER BY placed_at, id ROWS UNBOUNDED PRECEDING)
    ON CONFLICT (customer_id, placed_at, order_id) DO UPDATE SET prev_at = EXCLUDED.prev_at, first_at = EXCLUDED.first_at,
        seq = EXCLUDED.seq, net = EXCLUDED.net, cum_net = EXCLUDED.cum_net
    WHERE (mo.prev_at, mo.first_at, mo.seq, mo.net, mo.cum_net)
          IS DISTINCT FROM (EXCLUDED.prev_at, EXCLUDED.first_at, EXCLUDED.seq, EXCLUDED.net, EXCLUDED.cum_net);
END $$;

CREATE FUNCTION metrics_order_orders_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE metrics_order;
    RETURN NULL;
END $$;

CREATE TRIGGER metrics_order_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS new_orders
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_order_orders_inserted();
CREATE TRIGGER metrics_order_truncate AFTER TRUNCATE ON orders
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_order_orders_truncated();

INSERT INTO metrics_order (customer_id, placed_at, order_id, prev_at, first_at, seq, net, cum_net)
SELECT customer_id, placed_at, id, lag(placed_at) OVER w, first_value(placed_at) OVER w, row_number() OVER w, net,
       sum(net) OVER w
FROM (SELECT id, customer_id, placed_at, total - returned_amount AS net FROM orders WHERE status <> 'RETURNED') o
WINDOW w AS (PARTITION BY customer_id ORDER BY placed_at, id ROWS UNBOUNDED PRECEDING)
ORDER BY placed_at;
ANALYZE metrics_order;
