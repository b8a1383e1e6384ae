-- Programmes, memberships, orders and the points ledger.
-- References to orders are DEFERRABLE: an order's row is written after the ledger rows it caused, in
-- the same transaction, and checked at commit.

CREATE TABLE programme (
    id              uuid PRIMARY KEY,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'CLOSED')),
    currency        char(3)     NOT NULL,
    point_value     numeric(19, 6) NOT NULL CHECK (point_value >= 0),
    enrolment       text        NOT NULL CHECK (enrolment IN ('AUTOMATIC', 'OPT_IN')),
    timezone        text        NOT NULL,
    pending_days    integer     NOT NULL DEFAULT 0 CHECK (pending_days >= 0),
    expiry          jsonb       NOT NULL,
    rules           jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- A customer's membership of a programme, and the balances derived from its ledger. Balances that
-- do not depend on the clock are stored here; pending and expiring-soon are computed from point_lot.
CREATE TABLE membership (
    id              uuid PRIMARY KEY,
    programme_id    uuid        NOT NULL REFERENCES programme (id),
    customer_id     uuid        NOT NULL REFERENCES customer (id),
    joined_at       timestamptz NOT NULL,
    ended_at        timestamptz,
    balance         bigint      NOT NULL DEFAULT 0,  -- sum of lot remainders minus debt
    debt            bigint      NOT NULL DEFAULT 0 CHECK (debt >= 0),
    earned          bigint      NOT NULL DEFAULT 0,
    redeemed        bigint      NOT NULL DEFAULT 0,
    reversed        bigint      NOT NULL DEFAULT 0,
    expired         bigint      NOT NULL DEFAULT 0,
    adjusted        bigint      NOT NULL DEFAULT 0,
    last_order_at   timestamptz,
    CONSTRAINT membership_unique UNIQUE (programme_id, customer_id)
);
CREATE INDEX membership_customer_idx ON membership (customer_id);

CREATE TABLE orders (
    id              uuid PRIMARY KEY,
    api_key_id      uuid        NOT NULL REFERENCES api_key (id),
    external_id     text        NOT NULL,
    customer_id     uuid        NOT NULL REFERENCES customer (id),
    placed_at       timestamptz NOT NULL,
    currency        char(3)     NOT NULL,
    subtotal        numeric(19, 4) NOT NULL,
    discount        numeric(19, 4) NOT NULL,
    shipping        numeric(19, 4) NOT NULL,
    total           numeric(19, 4) NOT NULL,
    returned_amount numeric(19, 4) NOT NULL DEFAULT 0,
    status          text        NOT NULL CHECK (status IN ('PLACED', 'PARTIALLY_RETURNED', 'RETURNED')),
    accrue          boolean     NOT NULL,
    request_hash    bytea       NOT NULL,
    accrual         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT orders_external_id_unique UNIQUE (api_key_id, external_id)
);
CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at);
CREATE INDEX orders_placed_at_idx ON orders (placed_at);

CREATE TABLE order_line (
    order_id          uuid    NOT NULL REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
    line_no           integer NOT NULL,
    sku               text    NOT NULL,
    name              text,
    category          text,
    quantity          integer NOT NULL CHECK (quantity > 0),
    unit_price        numeric(19, 4) NOT NULL CHECK (unit_price >= 0),
    returned_quantity integer NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_return (
    id              uuid PRIMARY KEY,
    order_id        uuid        NOT NULL REFERENCES orders (id),
    amount          numeric(19, 4) NOT NULL CHECK (amount >= 0),
    lines           jsonb       NOT NULL,
    reason          text,
    api_key_id      uuid        NOT NULL REFERENCES api_key (id),
    created_at      timestamptz NOT NULL
);
CREATE INDEX order_return_order_idx ON order_return (order_id);

-- The ledger. Entries are never updated or deleted (enforced below); what remains of each credit is
-- tracked in point_lot, and what every debit drew from which lot in ledger_allocation.
CREATE TABLE ledger_entry (
    id              uuid PRIMARY KEY,
    membership_id   uuid        NOT NULL REFERENCES membership (id),
    type            text        NOT NULL CHECK (type IN ('EARN', 'REDEEM', 'REVERSE', 'EXPIRE', 'ADJUST')),
    points          bigint      NOT NULL CHECK (points <> 0),
    balance_after   bigint      NOT NULL,
    order_id        uuid        REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
    return_id       uuid        REFERENCES order_return (id),
    rule_id         text,
    basis_lines     integer[],
    reason          text,
    api_key_id      uuid        REFERENCES api_key (id),
    occurred_at     timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT ledger_entry_sign CHECK ((type IN ('EARN') AND points > 0)
        OR (type IN ('REDEEM', 'REVERSE', 'EXPIRE') AND points < 0) OR type = 'ADJUST')
);
CREATE INDEX ledger_entry_membership_idx ON ledger_entry (membership_id, id);
CREATE INDEX ledger_entry_order_idx ON ledger_entry (order_id) WHERE order_id IS NOT NULL;

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

CREATE TABLE point_lot (
    entry_id        uuid        PRIMARY KEY REFERENCES ledger_entry (id),
    membership_id   uuid        NOT NULL REFERENCES membership (id),
    points          bigint      NOT NULL CHECK (points > 0),
    remaining       bigint      NOT NULL CHECK (remaining >= 0),
    earned_at       timestamptz NOT NULL,
    available_from  timestamptz NOT NULL,
    expires_at      timestamptz,
    CONSTRAINT point_lot_remaining CHECK (remaining <= points)
);
CREATE INDEX point_lot_open_idx ON point_lot (membership_id, earned_at) WHERE remaining > 0;
CREATE INDEX point_lot_expiry_idx ON point_lot (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;

CREATE TABLE ledger_allocation (
    debit_entry_id  uuid   NOT NULL REFERENCES ledger_entry (id),
    lot_entry_id    uuid   NOT NULL REFERENCES ledger_entry (id),
    points          bigint NOT NULL CHECK (points > 0),
    PRIMARY KEY (debit_entry_id, lot_entry_id)
);
CREATE INDEX ledger_allocation_lot_idx ON ledger_allocation (lot_entry_id);
CREATE TRIGGER ledger_allocation_append_only BEFORE UPDATE OR DELETE ON ledger_allocation
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

-- Stamp cards: progress per membership and STAMP rule, and the cards completed.
CREATE TABLE stamp_card (
    membership_id   uuid    NOT NULL REFERENCES membership (id),
    rule_id         text    NOT NULL,
    stamps          integer NOT NULL CHECK (stamps >= 0),
    completed       integer NOT NULL DEFAULT 0,
    PRIMARY KEY (membership_id, rule_id)
);

CREATE TABLE entitlement (
    id              uuid PRIMARY KEY,
    membership_id   uuid        NOT NULL REFERENCES membership (id),
    rule_id         text        NOT NULL,
    order_id        uuid        REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
    reward          text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('AVAILABLE', 'CONSUMED')),
    created_at      timestamptz NOT NULL
);
CREATE INDEX entitlement_membership_idx ON entitlement (membership_id);

-- Points or stamps a rule has given a membership per day, month and ever, for caps and limits.
CREATE TABLE rule_usage (
    membership_id   uuid    NOT NULL REFERENCES membership (id),
    rule_id         text    NOT NULL,
    period          text    NOT NULL,  -- 'D2026-11-22', 'M2026-11' or 'EVER'
    amount          bigint  NOT NULL,
    PRIMARY KEY (membership_id, rule_id, period)
);

-- Replays of requests that carried an Idempotency-Key.
CREATE TABLE idempotency_record (
    api_key_id      uuid        NOT NULL REFERENCES api_key (id),
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    status          integer,
    response        jsonb,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (api_key_id, scope, idempotency_key)
);

CREATE TABLE expiry_run (
    id              uuid PRIMARY KEY,
    programme_id    uuid        NOT NULL REFERENCES programme (id),
    as_of           timestamptz NOT NULL,
    memberships     integer     NOT NULL,
    lots            integer     NOT NULL,
    points          bigint      NOT NULL,
    started_at      timestamptz NOT NULL,
    api_key_id      uuid        REFERENCES api_key (id)
);
