-- Gamification: instant-win games and challenges, optional parts of a programme.

-- Rewards can now be won in a game or paid by a completed challenge.
ALTER TABLE redemption DROP CONSTRAINT redemption_origin_check;
ALTER TABLE redemption ADD CONSTRAINT redemption_origin_check
    CHECK (origin IN ('REDEEMED', 'GRANTED', 'STAMP_CARD', 'GAME', 'CHALLENGE'));

-- What the games and challenges of an order gave, as answered when it was posted (replayed verbatim).
ALTER TABLE orders ADD COLUMN gamification jsonb;

-- An instant-win game. Its prize is a catalogue reward or bonus points, never both. wins counts every
-- prize won, for the total budget; the conditional update on it is what keeps the budget under races.
CREATE TABLE game (
    id                  uuid PRIMARY KEY,
    programme_id        uuid        NOT NULL REFERENCES programme (id),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    min_amount          numeric(19, 4) NOT NULL CHECK (min_amount >= 0),
    category            text,
    probability         numeric(7, 6) NOT NULL CHECK (probability > 0 AND probability <= 1),
    prize_reward_id     uuid        REFERENCES reward (id),
    prize_points        bigint      CHECK (prize_points > 0),
    daily_win_budget    integer     CHECK (daily_win_budget > 0),
    total_win_budget    integer     CHECK (total_win_budget > 0),
    wins                integer     NOT NULL DEFAULT 0 CHECK (wins >= 0),
    valid_from          timestamptz,
    valid_to            timestamptz,
    created_at          timestamptz NOT NULL,
    CONSTRAINT game_one_prize CHECK ((prize_reward_id IS NULL) <> (prize_points IS NULL)),
    CONSTRAINT game_total_budget CHECK (total_win_budget IS NULL OR wins <= total_win_budget)
);
CREATE INDEX game_programme_idx ON game (programme_id, id);

-- Wins per game and day (in the programme's time zone), for the daily budget.
CREATE TABLE game_day_wins (
    game_id             uuid        NOT NULL REFERENCES game (id),
    day                 date        NOT NULL,
    wins                integer     NOT NULL CHECK (wins >= 0),
    PRIMARY KEY (game_id, day)
);

-- Every draw, won or not: the audit trail. roll is the secure random number drawn (0..999999); the order
-- wins when roll < probability x 1,000,000 and the budgets allow it.
CREATE TABLE game_draw (
    id                  uuid PRIMARY KEY,
    game_id             uuid        NOT NULL REFERENCES game (id),
    order_id            uuid        NOT NULL REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
    customer_id         uuid        NOT NULL REFERENCES customer (id),
    membership_id       uuid        NOT NULL REFERENCES membership (id),
    probability         numeric(7, 6) NOT NULL,
    roll                integer     NOT NULL CHECK (roll >= 0 AND roll < 1000000),
    outcome             text        NOT NULL CHECK (outcome IN ('WON', 'LOST', 'BUDGET_SPENT', 'PRIZE_UNAVAILABLE')),
    prize_reward_id     uuid        REFERENCES reward (id),
    prize_points        bigint,
    redemption_id       uuid        REFERENCES redemption (id),
    ledger_entry_id     uuid        REFERENCES ledger_entry (id),
    revoked_at          timestamptz,
    revoked             text,
    drawn_at            timestamptz NOT NULL,
    CONSTRAINT game_draw_once UNIQUE (game_id, order_id)
);
CREATE INDEX game_draw_order_idx ON game_draw (order_id);

-- A challenge: a goal over a period paying a prize once per period on completion.
CREATE TABLE challenge (
    id                  uuid PRIMARY KEY,
    programme_id        uuid        NOT NULL REFERENCES programme (id),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    goal                text        NOT NULL CHECK (goal IN ('ORDERS', 'SPEND', 'CATEGORIES')),
    target              numeric(19, 4) NOT NULL CHECK (target > 0),
    period              text        NOT NULL CHECK (period IN ('MONTH', 'QUARTER', 'YEAR', 'WINDOW')),
    prize_reward_id     uuid        REFERENCES reward (id),
    prize_points        bigint      CHECK (prize_points > 0),
    valid_from          timestamptz,
    valid_to            timestamptz,
    created_at          timestamptz NOT NULL,
    CONSTRAINT challenge_one_prize CHECK ((prize_reward_id IS NULL) <> (prize_points IS NULL))
);
CREATE INDEX challenge_programme_idx ON challenge (programme_id, id);

-- A membership's progress on a challenge in one period ('2026-11', '2026-Q4', '2026' or 'WINDOW').
-- Written only under the membership's row lock (the order's), so one period's row is never raced.
CREATE TABLE challenge_progress (
    id                  uuid PRIMARY KEY,
    challenge_id        uuid        NOT NULL REFERENCES challenge (id),
    membership_id       uuid        NOT NULL REFERENCES membership (id),
    period_key          text        NOT NULL,
    orders              integer     NOT NULL DEFAULT 0,
    spend               numeric(19, 4) NOT NULL DEFAULT 0,
    categories          text[]      NOT NULL DEFAULT '{}',
    completed_at        timestamptz,
    completed_order_id  uuid        REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
    redemption_id       uuid        REFERENCES redemption (id),
    ledger_entry_id     uuid        REFERENCES ledger_entry (id),
    updated_at          timestamptz NOT NULL,
    CONSTRAINT challenge_progress_unique UNIQUE (challenge_id, membership_id, period_key)
);
CREATE INDEX challenge_progress_membership_idx ON challenge_progress (membership_id);
