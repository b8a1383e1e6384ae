-- Returns take stamps back. What a card no longer holds (its stamps completed a card already) becomes a
-- debt that the next stamps pay first, as reversed points do on the ledger.
ALTER TABLE stamp_card ADD COLUMN debt integer NOT NULL DEFAULT 0 CHECK (debt >= 0);

-- Stamps each return took back, per programme and rule, so that later partial returns of the same order
-- take back only the difference.
ALTER TABLE order_return ADD COLUMN stamps jsonb NOT NULL DEFAULT '[]';
