-- Customer erasure (GDPR right to erasure) and a reward as the newcomer's referral bonus.

-- customer (package customer): an erased customer keeps its row, id and everything that points at it (orders,
-- ledger, redemptions), and loses every personal field. The checks make a half-erased row impossible.
ALTER TABLE customer ADD COLUMN erased_at timestamptz;
ALTER TABLE customer DROP CONSTRAINT customer_identified;
ALTER TABLE customer ADD CONSTRAINT customer_identified
    CHECK (erased_at IS NOT NULL OR external_id IS NOT NULL OR email IS NOT NULL);
ALTER TABLE customer ADD CONSTRAINT customer_erased_has_no_personal_data
    CHECK (erased_at IS NULL OR (external_id IS NULL AND email IS NULL AND first_name IS NULL AND last_name IS NULL
                                 AND phone IS NULL AND birth_date IS NULL AND NOT marketing_consent));

-- redemption (package reward): a reward given as a referral welcome bonus.
ALTER TABLE redemption DROP CONSTRAINT redemption_origin_check;
ALTER TABLE redemption ADD CONSTRAINT redemption_origin_check
    CHECK (origin IN ('REDEEMED', 'GRANTED', 'STAMP_CARD', 'GAME', 'CHALLENGE', 'REFERRAL'));

-- referral_bonus_rule, referral_bonus (package referral): the newcomer may get a catalogue reward of the programme,
-- besides or instead of points. The bonus row (whose primary key pays a referral once per programme) records the
-- redemption given, or why it could not be given.
ALTER TABLE referral_bonus_rule ADD COLUMN newcomer_reward_id uuid REFERENCES reward (id);
ALTER TABLE referral_bonus ADD COLUMN newcomer_reward_id uuid REFERENCES reward (id);
ALTER TABLE referral_bonus ADD COLUMN newcomer_redemption_id uuid REFERENCES redemption (id);
ALTER TABLE referral_bonus ADD COLUMN newcomer_reward_status text
    CHECK (newcomer_reward_status IN ('GRANTED', 'UNAVAILABLE'));
ALTER TABLE referral_bonus ADD COLUMN newcomer_reward_note text;
ALTER TABLE referral_bonus ADD CONSTRAINT referral_bonus_reward_outcome CHECK (
    (newcomer_reward_id IS NULL AND newcomer_reward_status IS NULL AND newcomer_redemption_id IS NULL)
    OR (newcomer_reward_id IS NOT NULL AND newcomer_reward_status = 'GRANTED' AND newcomer_redemption_id IS NOT NULL)
    OR (newcomer_reward_id IS NOT NULL AND newcomer_reward_status = 'UNAVAILABLE' AND newcomer_redemption_id IS NULL));
