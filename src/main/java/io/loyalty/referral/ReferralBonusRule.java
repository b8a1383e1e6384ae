package io.loyalty.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What one programme pays for a converted referral. */
@Entity
@Table(name = "referral_bonus_rule")
public class ReferralBonusRule extends PanacheEntityBase {
    /** The period the referrer's cap counts over, in the programme's time zone. */
    public enum CapPeriod {
        MONTH, YEAR, EVER
    }

    @Id
    public UUID programmeId;
    public long referrerPoints;
    public long newcomerPoints;
    /** A catalogue reward of the programme given to the newcomer, besides or instead of points; null: none. */
    public UUID newcomerRewardId;
    public Integer capPerReferrer;
    @Enumerated(EnumType.STRING)
    public CapPeriod capPeriod;
    public Instant updatedAt;
}
