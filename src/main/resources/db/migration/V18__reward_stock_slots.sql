-- reward, reward_stock_slot (package reward): a reward's limited stock is split over a few counter rows (slots), so
-- parallel redemptions of one popular reward take their units from different rows instead of queueing behind one
-- row lock until each redemption commits. The slots are the only record of the units left; reward keeps only
-- whether its stock is limited at all (an unlimited reward has no slots).
CREATE TABLE reward_stock_slot (
    reward_id uuid     NOT NULL REFERENCES reward (id),
    slot      smallint NOT NULL CHECK (slot >= 0),
    stock     integer  NOT NULL CHECK (stock >= 0),
    PRIMARY KEY (reward_id, slot)
);

ALTER TABLE reward ADD COLUMN limited_stock boolean NOT NULL DEFAULT false;
UPDATE reward SET limited_stock = true WHERE stock IS NOT NULL;

-- The stock left today, spread over 8 slots (the default of loyalty.rewards.stock-slots); the first stock % 8
-- slots hold one unit more. Setting a reward's stock later spreads it over the configured number of slots.
INSERT INTO reward_stock_slot (reward_id, slot, stock)
SELECT r.id, s, r.stock / 8 + CASE WHEN s < r.stock % 8 THEN 1 ELSE 0 END
FROM reward r CROSS JOIN generate_series(0, 7) AS s
WHERE r.stock IS NOT NULL;

ALTER TABLE reward DROP COLUMN stock;
