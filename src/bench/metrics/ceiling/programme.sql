-- Programme figures for [from, to) (METRICS.md "Programmes"): members at `to`, joins, leaves; points issued
-- (EARN), redeemed, expired and reversed in the period; outstanding points at `to` and their liability.
-- Outstanding at `to` is the sum of every entry before `to`: the whole ledger of the programme.
-- Variables: programme, from, to.
WITH m AS (
  SELECT id, joined_at, ended_at FROM membership WHERE programme_id = :'programme'
), counts AS (
  SELECT count(*) FILTER (WHERE joined_at <= :'to' AND (ended_at IS NULL OR ended_at > :'to')) AS members,
         count(*) FILTER (WHERE joined_at >= :'from' AND joined_at < :'to') AS joins,
         count(*) FILTER (WHERE ended_at >= :'from' AND ended_at < :'to') AS leaves
    FROM m
), points AS (
  SELECT coalesce(sum(l.points) FILTER (WHERE l.type = 'EARN' AND l.occurred_at >= :'from'), 0) AS issued,
         coalesce(-sum(l.points) FILTER (WHERE l.type = 'REDEEM' AND l.occurred_at >= :'from'), 0) AS redeemed,
         coalesce(-sum(l.points) FILTER (WHERE l.type = 'EXPIRE' AND l.occurred_at >= :'from'), 0) AS expired,
         coalesce(-sum(l.points) FILTER (WHERE l.type = 'REVERSE' AND l.occurred_at >= :'from'), 0) AS reversed,
         coalesce(sum(l.points), 0) AS outstanding
    FROM ledger_entry l JOIN m ON m.id = l.membership_id
   WHERE l.occurred_at < :'to'
)
SELECT c.members, c.joins, c.leaves, p.issued, p.redeemed, p.expired, p.reversed,
       round(p.redeemed::numeric / nullif(p.issued, 0), 6) AS redemption_rate,
       round(p.expired::numeric / nullif(p.issued, 0), 6) AS breakage,
       p.outstanding, p.outstanding * g.point_value AS liability
  FROM counts c, points p, programme g WHERE g.id = :'programme';
