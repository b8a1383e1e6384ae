-- Feedback from customers, the incidents that complaints and bottom scores open, and referrals.

CREATE TABLE feedback (
    id              uuid PRIMARY KEY,
    external_id     text        CHECK (length(external_id) BETWEEN 1 AND 100),  -- the caller's id (imports)
    customer_id     uuid        NOT NULL REFERENCES customer (id),
    order_id        uuid        REFERENCES orders (id),
    partner_id      uuid,       -- the partner of the key that placed the order: what a PARTNER key may see
    type            text        NOT NULL CHECK (type IN ('NPS', 'CSAT', 'REVIEW', 'COMPLAINT', 'COMPLIMENT',
                                                         'SUGGESTION', 'COMPETITOR_INFO')),
    score           smallint,
    comment         text        CHECK (length(comment) <= 4000),
    published       boolean     NOT NULL,
    channel         text        CHECK (length(channel) BETWEEN 1 AND 50),
    given_at        timestamptz NOT NULL,
    api_key_id      uuid        NOT NULL REFERENCES api_key (id),
    import_job_id   uuid,
    created_at      timestamptz NOT NULL,
    CONSTRAINT feedback_score_range CHECK (
        (type = 'NPS' AND score BETWEEN 0 AND 10)
        OR (type IN ('CSAT', 'REVIEW') AND score BETWEEN 1 AND 5)
        OR (type NOT IN ('NPS', 'CSAT', 'REVIEW') AND score IS NULL)),
    CONSTRAINT feedback_external_id_unique UNIQUE (external_id)
);
CREATE INDEX feedback_customer_idx ON feedback (customer_id, id);
CREATE INDEX feedback_given_at_idx ON feedback (given_at);
CREATE INDEX feedback_partner_idx ON feedback (partner_id, id) WHERE partner_id IS NOT NULL;

CREATE TABLE incident (
    id                      uuid PRIMARY KEY,
    customer_id             uuid        NOT NULL REFERENCES customer (id),
    feedback_id             uuid        NOT NULL UNIQUE REFERENCES feedback (id),
    cause                   text        NOT NULL CHECK (cause IN ('COMPLAINT', 'LOW_SCORE')),
    status                  text        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    notes                   text        CHECK (length(notes) <= 4000),
    opened_at               timestamptz NOT NULL,
    opened_by               uuid        NOT NULL REFERENCES api_key (id),
    acknowledged_at         timestamptz,
    acknowledged_by         uuid        REFERENCES api_key (id),
    resolved_at             timestamptz,
    resolved_by             uuid        REFERENCES api_key (id),
    resolution              text        CHECK (length(resolution) <= 4000),
    compensation_programme_id uuid,
    compensation_points     bigint      CHECK (compensation_points > 0),
    compensation_entry_id   uuid,       -- the ledger ADJUST (reason 'compensation') that credited the points
    compensation_reward_id  uuid,
    compensation_redemption_id uuid,    -- the reward granted
    CONSTRAINT incident_resolved CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL))
);
CREATE INDEX incident_customer_idx ON incident (customer_id, id);
-- "Does this customer have an unresolved incident?" is asked by every loyalty page and reward list.
CREATE INDEX incident_unresolved_idx ON incident (customer_id) WHERE status <> 'RESOLVED';
CREATE INDEX incident_opened_idx ON incident (opened_at);

-- Who did what to an incident, in order.
CREATE TABLE incident_event (
    id              uuid PRIMARY KEY,
    incident_id     uuid        NOT NULL REFERENCES incident (id),
    action          text        NOT NULL CHECK (action IN ('OPENED', 'ACKNOWLEDGED', 'NOTED', 'RESOLVED')),
    notes           text,
    api_key_id      uuid        NOT NULL REFERENCES api_key (id),
    at              timestamptz NOT NULL
);
CREATE INDEX incident_event_incident_idx ON incident_event (incident_id, id);

CREATE TABLE referral_code (
    customer_id     uuid PRIMARY KEY REFERENCES customer (id),
    code            text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL
);

-- The bonus each programme pays for a converted referral, and the cap per referrer.
CREATE TABLE referral_bonus_rule (
    programme_id        uuid PRIMARY KEY REFERENCES programme (id),
    referrer_points     bigint      NOT NULL CHECK (referrer_points BETWEEN 0 AND 100000000),
    newcomer_points     bigint      NOT NULL CHECK (newcomer_points BETWEEN 0 AND 100000000),
    cap_per_referrer    integer     CHECK (cap_per_referrer > 0),
    cap_period          text        NOT NULL CHECK (cap_period IN ('MONTH', 'YEAR', 'EVER')),
    updated_at          timestamptz NOT NULL
);

CREATE TABLE referral (
    id              uuid PRIMARY KEY,
    referrer_id     uuid        NOT NULL REFERENCES customer (id),
    referred_id     uuid        NOT NULL UNIQUE REFERENCES customer (id),
    code            text        NOT NULL,
    -- PENDING until the first order can no longer be returned; then CONVERTED, or LOST if it was returned.
    status          text        NOT NULL CHECK (status IN ('PENDING', 'CONVERTED', 'LOST')),
    first_order_id  uuid,
    settled_at      timestamptz,
    created_at      timestamptz NOT NULL,
    CHECK (referrer_id <> referred_id)
);
CREATE INDEX referral_referrer_idx ON referral (referrer_id, id);
CREATE INDEX referral_pending_idx ON referral (id) WHERE status = 'PENDING';

-- One row per converted referral and programme: the primary key is what makes the bonus paid once.
CREATE TABLE referral_bonus (
    referral_id         uuid        NOT NULL REFERENCES referral (id),
    programme_id        uuid        NOT NULL REFERENCES programme (id),
    referrer_id         uuid        NOT NULL,
    referrer_points     bigint      NOT NULL,   -- 0 when the referrer's cap was reached
    referrer_entry_id   uuid,
    capped              boolean     NOT NULL,
    newcomer_points     bigint      NOT NULL,
    newcomer_entry_id   uuid,
    paid_at             timestamptz NOT NULL,
    PRIMARY KEY (referral_id, programme_id)
);
CREATE INDEX referral_bonus_referrer_idx ON referral_bonus (referrer_id, programme_id, paid_at);
