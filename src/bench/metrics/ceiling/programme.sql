-- Programme figures for [from, to) (METRICS.md "Programmes"): members at `to`, joins, leaves; points issued
-- (EARN), redeemed, expired and reversed in the period; outstanding points at `to` (sum of the positive balances of
-- the programme's memberships at `to`), owed points (the negative ones) and the liability.
-- A membership's balance at `to` is its stored balance (always equal to its ledger) minus what its ledger moved
-- since `to`: so this reads the period's and the later entries (ledger by occurred_at), never the whole history.
-- Variables: programme, from, to.
WITH m AS (
  SELECT id, joined_at, ended_at, balance FROM membership WHERE programme_id = :'programme'
), counts AS (
  SELECT count(*) FILTER (WHERE joined_at < :'to' AND (ended_at IS NULL OR ended_at >= :'to')) AS members,
         count(*) FILTER (WHERE joined_at >= :'from' AND joined_at < :'to') AS joins,
         count(*) FILTER (WHERE ended_at >= :'from' AND ended_at < :'to') AS leaves
    FROM m
), points AS (
  SELECT coalesce(sum(l.points) FILTER (WHERE l.type = 'EARN'), 0) AS issued,
         coalesce(-sum(l.points) FILTER (WHERE l.type = 'REDEEM'), 0) AS redeemed,
         coalesce(-sum(l.points) FILTER (WHERE l.type = 'EXPIRE'), 0) AS expired,
         coalesce(-sum(l.points) FILTER (WHERE l.type = 'REVERSE'), 0) AS reversed
    FROM ledger_entry l JOIN m ON m.id = l.membership_id
   WHERE l.occurred_at >= :'from' AND l.occurred_at < :'to'
), later AS (
  SELECT l.membership_id, sum(l.points) AS moved
    FROM ledger_entry l JOIN m ON m.id = l.membership_id
   WHERE l.occurred_at >= :'to'
   GROUP BY l.membership_id
), balances AS (
  SELECT coalesce(sum(greatest(m.balance - coalesce(later.moved, 0), 0)), 0) AS outstanding,
         coalesce(sum(greatest(coalesce(later.moved, 0) - m.balance, 0)), 0) AS owed
    FROM m LEFT JOIN later ON later.membership_id = m.id
)
SELECT c.members, c.joins, c.leaves, p.issued, p.redeemed, p.expired, p.reversed,
       round(p.redeemed::numeric / nullif(p.issued, 0), 6) AS redemption_rate,
       round(p.expired::numeric / nullif(p.issued, 0), 6) AS breakage,
       b.outstanding, b.owed, b.outstanding * g.point_value AS liability
  FROM counts c, points p, balances b, programme g WHERE g.id = :'programme';
