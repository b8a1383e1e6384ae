-- The rewards catalogue, redemptions and their codes.

-- A cancelled (or expired, when the reward says so) redemption gives its points back as REFUND lots.
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_sign;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_sign CHECK ((type IN ('EARN', 'REFUND') AND points > 0)
    OR (type IN ('REDEEM', 'REVERSE', 'EXPIRE') AND points < 0) OR type = 'ADJUST');
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_type_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_type_check
    CHECK (type IN ('EARN', 'REDEEM', 'REVERSE', 'EXPIRE', 'ADJUST', 'REFUND'));

CREATE TABLE reward (
    id                  uuid PRIMARY KEY,
    programme_id        uuid        NOT NULL REFERENCES programme (id),
    partner_id          uuid,                       -- the coalition partner offering it, once partners exist
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description         text,
    type                text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
    cost                bigint      NOT NULL CHECK (cost >= 0),
    details             jsonb       NOT NULL,       -- the type's own fields (amount, percent, sku ...)
    eligibility         jsonb       NOT NULL,
    valid_from          timestamptz,
    valid_to            timestamptz,
    code_valid_days     integer     CHECK (code_valid_days > 0),
    stock               integer     CHECK (stock >= 0),  -- units left; null = unlimited
    limit_per_customer  integer     CHECK (limit_per_customer > 0),
    limit_period        text        NOT NULL CHECK (limit_period IN ('DAY', 'WEEK', 'MONTH', 'YEAR', 'EVER')),
    refund_on_expiry    boolean     NOT NULL,
    code_source         text        NOT NULL CHECK (code_source IN ('GENERATED', 'POOL')),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX reward_programme_idx ON reward (programme_id, id);

CREATE TABLE redemption (
    id                  uuid PRIMARY KEY,
    reward_id           uuid        NOT NULL REFERENCES reward (id),
    customer_id         uuid        NOT NULL REFERENCES customer (id),
    membership_id       uuid        NOT NULL REFERENCES membership (id),
    partner_id          uuid,
    origin              text        NOT NULL CHECK (origin IN ('REDEEMED', 'GRANTED', 'STAMP_CARD')),
    reason              text,
    code                text        NOT NULL,
    points              bigint      NOT NULL CHECK (points >= 0),
    status              text        NOT NULL CHECK (status IN ('ISSUED', 'USED', 'CANCELLED', 'EXPIRED')),
    debit_entry_id      uuid        REFERENCES ledger_entry (id),
    expires_at          timestamptz,
    used_order_id       uuid        REFERENCES orders (id),
    used_order_external_id text,
    api_key_id          uuid        NOT NULL REFERENCES api_key (id),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
-- Codes are matched case-insensitively at checkout, so they must be unique that way too.
CREATE UNIQUE INDEX redemption_code_unique ON redemption (upper(code));
CREATE INDEX redemption_customer_idx ON redemption (customer_id, id);
CREATE INDEX redemption_limit_idx ON redemption (reward_id, customer_id, created_at);
CREATE INDEX redemption_due_idx ON redemption (expires_at) WHERE status = 'ISSUED' AND expires_at IS NOT NULL;

-- Every status a redemption went through, by whom and why; never changed afterwards.
CREATE TABLE redemption_transition (
    id                  uuid PRIMARY KEY,
    redemption_id       uuid        NOT NULL REFERENCES redemption (id),
    status              text        NOT NULL,
    points_refunded     bigint      NOT NULL DEFAULT 0,
    detail              text,
    api_key_id          uuid        REFERENCES api_key (id),
    occurred_at         timestamptz NOT NULL
);
CREATE INDEX redemption_transition_idx ON redemption_transition (redemption_id, occurred_at);
CREATE TRIGGER redemption_transition_append_only BEFORE UPDATE OR DELETE ON redemption_transition
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

-- Codes imported from an external system, each handed out once.
CREATE TABLE reward_code (
    code                text        NOT NULL,
    reward_id           uuid        NOT NULL REFERENCES reward (id),
    redemption_id       uuid        REFERENCES redemption (id),
    imported_at         timestamptz NOT NULL
);
CREATE UNIQUE INDEX reward_code_unique ON reward_code (upper(code));
CREATE INDEX reward_code_free_idx ON reward_code (reward_id, imported_at) WHERE redemption_id IS NULL;


-- Ledger entries name the redemption they came from, as they name orders and returns.
ALTER TABLE ledger_entry ADD COLUMN redemption_id uuid REFERENCES redemption (id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX ledger_entry_redemption_idx ON ledger_entry (redemption_id) WHERE redemption_id IS NOT NULL;
