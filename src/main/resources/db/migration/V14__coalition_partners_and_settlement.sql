-- Coalition partners (kind 5) and their settlement with the operator.

CREATE TABLE partner (
    id                  uuid PRIMARY KEY,
    programme_id        uuid        NOT NULL REFERENCES programme (id),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    external_id         text        CHECK (length(external_id) BETWEEN 1 AND 100),
    earn_rate           numeric(19, 6) CHECK (earn_rate > 0),
    issuance_price      numeric(19, 6) NOT NULL CHECK (issuance_price >= 0),
    reimbursement_rate  numeric(19, 6) NOT NULL CHECK (reimbursement_rate >= 0),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT partner_external_id_unique UNIQUE (external_id)
);
CREATE INDEX partner_programme_idx ON partner (programme_id);

-- partner_id on keys, rewards and redemptions named no row until now. Keys naming a partner that cannot
-- exist yet are revoked (their partner was never checked); the references are checked from now on
-- (NOT VALID: rows written before this migration are not re-checked).
UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE partner_id IS NOT NULL;
ALTER TABLE api_key ADD CONSTRAINT api_key_partner_fk FOREIGN KEY (partner_id) REFERENCES partner (id) NOT VALID;
ALTER TABLE reward ADD CONSTRAINT reward_partner_fk FOREIGN KEY (partner_id) REFERENCES partner (id) NOT VALID;
ALTER TABLE redemption ADD CONSTRAINT redemption_partner_fk FOREIGN KEY (partner_id) REFERENCES partner (id) NOT VALID;

-- Who an order was placed with, and who a ledger movement is settled with: stored, not derived from the
-- key at read time, so that isolation filters are one indexed column and the ledger tells an auditor alone.
ALTER TABLE orders ADD COLUMN partner_id uuid REFERENCES partner (id);
CREATE INDEX orders_partner_idx ON orders (partner_id, id) WHERE partner_id IS NOT NULL;
ALTER TABLE ledger_entry ADD COLUMN partner_id uuid REFERENCES partner (id);

-- One line per ledger movement of a coalition programme, priced when it is recorded and placed in the
-- period open at that time (booked_at), so that a closed period never changes.
CREATE TABLE settlement_line (
    entry_id        uuid        PRIMARY KEY REFERENCES ledger_entry (id) DEFERRABLE INITIALLY DEFERRED,
    programme_id    uuid        NOT NULL REFERENCES programme (id),
    partner_id      uuid        REFERENCES partner (id),
    kind            text        NOT NULL CHECK (kind IN ('ISSUE', 'ISSUE_REVERSAL', 'REDEMPTION', 'REDEMPTION_REFUND',
                                                         'EXPIRY', 'OPERATOR')),
    entry_type      text        NOT NULL,
    points          bigint      NOT NULL,
    point_value     numeric     NOT NULL,
    rate            numeric     NOT NULL,
    owed            numeric     NOT NULL,
    due             numeric     NOT NULL,
    liability       numeric     NOT NULL,
    margin          numeric     NOT NULL,
    order_id        uuid,
    return_id       uuid,
    redemption_id   uuid,
    occurred_at     timestamptz NOT NULL,
    booked_at       timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    CONSTRAINT settlement_line_balanced CHECK (owed - due - liability - margin = 0)
);
CREATE INDEX settlement_line_partner_idx ON settlement_line (partner_id, booked_at, entry_id);
CREATE INDEX settlement_line_booked_idx ON settlement_line (booked_at, entry_id);
CREATE INDEX settlement_line_order_idx ON settlement_line (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX settlement_line_redemption_idx ON settlement_line (redemption_id) WHERE redemption_id IS NOT NULL;
CREATE TRIGGER settlement_line_append_only BEFORE UPDATE OR DELETE ON settlement_line
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

CREATE TABLE settlement_closing (
    id              uuid PRIMARY KEY,
    closed_until    timestamptz NOT NULL UNIQUE,
    previous_until  timestamptz,
    api_key_id      uuid        REFERENCES api_key (id),
    created_at      timestamptz NOT NULL
);
