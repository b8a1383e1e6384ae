-- Tiers (kind 2) and paid membership (kind 3): optional parts of any programme, configured as JSON on it.
ALTER TABLE programme ADD COLUMN tiers jsonb;
ALTER TABLE programme ADD COLUMN fee jsonb;

-- A member's tier and paid state (package tier). No row: the member holds the lowest tier with threshold 0, if any.
CREATE TABLE member_status (
    membership_id   uuid PRIMARY KEY REFERENCES membership (id),
    programme_id    uuid NOT NULL REFERENCES programme (id),  -- the membership's, so reviews find a programme's members
    tier            text,                 -- the tier earned by qualification
    tier_since      timestamptz,
    review_at       timestamptz,          -- when the next review decides whether the tier is kept
    grace_until     timestamptz,          -- a member short at the review keeps the tier until then
    pinned_tier     text,                 -- an admin's pin overrides the earned tier until pinned_until
    pin_reason      text,
    pinned_until    timestamptz,
    cancel_at       timestamptz,          -- paid membership cancelled with effect from then
    cancel_reason   text
);
CREATE INDEX member_status_review_idx ON member_status (programme_id, review_at) WHERE review_at IS NOT NULL;
CREATE INDEX member_status_grace_idx ON member_status (programme_id, grace_until) WHERE grace_until IS NOT NULL;
CREATE INDEX member_status_pin_idx ON member_status (programme_id, pinned_until) WHERE pinned_until IS NOT NULL;

-- What each order counted towards qualification, and what its returns took back (negative rows), dated at
-- the order's placedAt so a return leaves the window the order counted in. Append-only.
CREATE TABLE tier_activity (
    id              uuid PRIMARY KEY,
    membership_id   uuid          NOT NULL REFERENCES membership (id),
    order_id        uuid          NOT NULL,
    return_id       uuid,
    occurred_at     timestamptz   NOT NULL,
    points          bigint        NOT NULL,
    spend           numeric(19, 4) NOT NULL,
    created_at      timestamptz   NOT NULL
);
CREATE INDEX tier_activity_membership_idx ON tier_activity (membership_id, occurred_at);
CREATE INDEX tier_activity_order_idx ON tier_activity (order_id);
CREATE TRIGGER tier_activity_append_only BEFORE UPDATE OR DELETE ON tier_activity
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

-- Every change of a member's tier, with why.
CREATE TABLE tier_change (
    id              uuid PRIMARY KEY,
    membership_id   uuid        NOT NULL REFERENCES membership (id),
    from_tier       text,
    to_tier         text,
    reason          text        NOT NULL CHECK (reason IN ('QUALIFIED', 'REVIEW', 'GRACE_STARTED', 'RETURN', 'PINNED',
                                                           'PIN_ENDED', 'UNPINNED')),
    detail          text,
    order_id        uuid,
    api_key_id      uuid        REFERENCES api_key (id),
    occurred_at     timestamptz NOT NULL
);
CREATE INDEX tier_change_membership_idx ON tier_change (membership_id, id);
CREATE TRIGGER tier_change_append_only BEFORE UPDATE OR DELETE ON tier_change
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

-- Membership fees paid; a refund ends the period the payment bought (covers_to moves back, never forward).
CREATE TABLE membership_payment (
    id              uuid PRIMARY KEY,
    membership_id   uuid          NOT NULL REFERENCES membership (id),
    amount          numeric(19, 4) NOT NULL CHECK (amount > 0),
    currency        char(3)       NOT NULL,
    period          text          NOT NULL,
    paid_at         timestamptz   NOT NULL,
    covers_from     timestamptz   NOT NULL,
    covers_to       timestamptz   NOT NULL,
    bought_to       timestamptz   NOT NULL,   -- covers_to as paid, before any refund
    reference       text,
    refunded_at     timestamptz,
    refunded_amount numeric(19, 4),
    refund_reason   text,
    api_key_id      uuid          REFERENCES api_key (id),
    created_at      timestamptz   NOT NULL,
    CONSTRAINT membership_payment_cover CHECK (covers_to >= covers_from AND covers_to <= bought_to),
    CONSTRAINT membership_payment_refund CHECK (refunded_amount IS NULL OR (refunded_amount > 0 AND refunded_amount <= amount))
);
CREATE INDEX membership_payment_membership_idx ON membership_payment (membership_id, id);
