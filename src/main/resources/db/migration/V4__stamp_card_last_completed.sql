-- Cards completed by the latest stamp update, so that one upsert both adds stamps and says how many
-- cards the order completed (no read of the card first).
ALTER TABLE stamp_card ADD COLUMN last_completed integer NOT NULL DEFAULT 0;
